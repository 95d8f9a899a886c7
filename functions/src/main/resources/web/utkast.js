/*
 * Keeps what an author types into a post's form in this browser (localStorage) until the site has it, so that a tab
 * closed by mistake, a link followed, a browser that crashes or a sending lost on the network loses nothing: the form
 * offers the words back when it opens again, and fills them in only if asked. Nothing is sent anywhere by this script;
 * the forms work as before without it.
 *
 * A draft belongs to one author (data-utkast-av on this script, a hash of their id) and one showing of one form (its
 * address, data-utkast, and its formId), so two tabs keep theirs apart. It holds the post's version it was typed
 * against, which "fill in" puts back in the form, so saving it over a post changed since is the site's conflict, never a
 * silent overwrite. Sent, it is marked so, and goes once the site shows it has the words: the form showing the same
 * words, or a page saying it saved ("p.done") within half an hour of the sending. Any draft is gone after a week, and
 * signing out clears the site's storage (Clear-Site-Data).
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var store;
  try {
    store = window.localStorage;
    store.getItem("inlagg");
  } catch (e) {
    return; // Storage off (refused, or private mode in some browsers): the forms work as before.
  }
  if (!me || !store) {
    return;
  }
  var ALL = "inlagg.utkast.";
  var prefix = ALL + me.getAttribute("data-utkast-av") + ".";
  var WEEK = 7 * 24 * 3600 * 1000;
  var CONFIRMED_WITHIN = 30 * 60 * 1000;
  // As the site writes a time ("6 december kl. 9.05"), in the browser's own zone.
  var MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

  function read(key) {
    try {
      var kept = JSON.parse(store.getItem(key) || "null");
      return kept && typeof kept.at === "number" && kept.words ? kept : null;
    } catch (e) {
      return null;
    }
  }

  function write(key, value) {
    try {
      if (value === null) {
        store.removeItem(key);
      } else {
        store.setItem(key, JSON.stringify(value));
      }
    } catch (e) {
      // Full: not kept, and no older draft of this form stays to be offered as if it were the latest.
      try {
        store.removeItem(key);
      } catch (ignored) {
        // Nothing more to do.
      }
    }
  }

  function keys(start) {
    var found = [];
    for (var i = 0; i < store.length; i++) {
      var k = store.key(i);
      if (k && k.indexOf(start) === 0) {
        found.push(k);
      }
    }
    return found;
  }

  var now = Date.now();
  // A week at most, every author's, whichever form they were typed in.
  keys(ALL).forEach(function (k) {
    var kept = read(k);
    if (!kept || now - kept.at > WEEK) {
      write(k, null);
    }
  });
  // A page that says a save was done: the words sent lately are the site's now.
  if (document.querySelector("p.done")) {
    keys(prefix).forEach(function (k) {
      var kept = read(k);
      if (kept && kept.sent && now - kept.sent < CONFIRMED_WITHIN) {
        write(k, null);
      }
    });
  }

  var form = document.querySelector("form[data-utkast]");
  if (!form) {
    return;
  }
  var formId = form.elements.namedItem("formId");
  var place = prefix + form.getAttribute("data-utkast") + "#";
  var key = place + (formId ? formId.value : "");
  var versionField = form.elements.namedItem("version");

  function fields() {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && (e.tagName === "TEXTAREA" || (e.tagName === "INPUT" && /^(text|url|date|time|datetime-local|search)$/.test(e.type)));
    });
  }

  function words() {
    var w = {};
    fields().forEach(function (e) {
      w[e.name] = e.value;
    });
    return w;
  }

  function same(a, b) {
    return Object.keys(a).concat(Object.keys(b)).every(function (n) {
      return (a[n] || "") === (b[n] || "");
    });
  }

  var shown = words();
  var offered = [];
  keys(place).forEach(function (k) {
    var kept = read(k);
    if (kept && same(kept.words, shown)) {
      write(k, null); // The site has these words (the form shows them).
    } else if (kept && k !== key) {
      offered.push({ key: k, draft: kept });
    }
  });
  offered.sort(function (a, b) {
    return b.draft.at - a.draft.at;
  });

  /** This form's words now, with the version they were typed against, sent at {@code sent} (or not yet: null). */
  function draft(sent) {
    return { at: Date.now(), words: words(), version: versionField ? versionField.value : null, sent: sent };
  }

  function keep() {
    clearTimeout(timer);
    timer = null;
    var mine = read(key);
    var sent = mine && mine.sent || null;
    write(key, same(words(), shown) && !sent ? null : draft(sent));
  }
  var timer = null;
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(keep, 400);
  });
  // Leaving the page (a link, a closed tab, the phone's other app): the last words too, not only those 400 ms old.
  window.addEventListener("pagehide", keep);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      keep();
    }
  });
  form.addEventListener("submit", function () {
    write(key, draft(Date.now()));
  });

  function firstField() {
    return form.elements.namedItem("title") || fields()[0];
  }

  function when(at) {
    var d = new Date(at);
    var year = d.getFullYear() === new Date().getFullYear() ? "" : " " + d.getFullYear();
    return d.getDate() + " " + MONTHS[d.getMonth()] + year + " kl. " + d.getHours() + "." + ("0" + d.getMinutes()).slice(-2);
  }

  function offerNext() {
    var next = offered.shift();
    if (!next) {
      return;
    }
    var kept = next.draft;
    var box = document.createElement("section");
    box.className = "notice utkast";
    box.setAttribute("aria-labelledby", "utkast-rubrik");
    var heading = document.createElement("h2");
    heading.id = "utkast-rubrik";
    heading.tabIndex = -1;
    heading.textContent = "Osparad text i den här webbläsaren";
    var text = document.createElement("p");
    text.textContent = (kept.sent
        ? "Du skickade det här formuläret " + when(kept.sent) + ", men webbplatsen har inte visat att det sparades. "
        : "Du skrev i det här formuläret " + when(kept.at) + " utan att det sparades på webbplatsen. ")
        + "Vill du fylla i den texten i stället för den som står i formuläret nu?";
    var fill = document.createElement("button");
    fill.type = "button";
    fill.textContent = "Fyll i den osparade texten";
    var drop = document.createElement("button");
    drop.type = "button";
    drop.className = "secondary";
    drop.textContent = "Släng den";
    fill.addEventListener("click", function () {
      fields().forEach(function (e) {
        if (Object.prototype.hasOwnProperty.call(kept.words, e.name)) {
          e.value = kept.words[e.name];
        }
      });
      // The version it was typed against: saved over a post changed since, the site shows both.
      if (versionField && kept.version) {
        versionField.value = kept.version;
      }
      write(next.key, null);
      box.remove();
      keep();
      firstField().focus();
    });
    drop.addEventListener("click", function () {
      write(next.key, null);
      box.remove();
      if (offered.length) {
        offerNext();
      } else {
        firstField().focus();
      }
    });
    var actions = document.createElement("p");
    actions.className = "actions";
    actions.appendChild(fill);
    actions.appendChild(drop);
    box.appendChild(heading);
    box.appendChild(text);
    box.appendChild(actions);
    form.parentNode.insertBefore(box, form);
    // Said first, unless the page has put the focus on what must come first (its errors, a conflict).
    if (!document.activeElement || document.activeElement === document.body) {
      heading.focus();
    }
  }
  offerNext();
})();
