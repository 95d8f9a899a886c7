/*
 * Keeps what an author types into a post's form in this browser (localStorage) until the form is sent, so that a tab
 * closed by mistake, a link followed or a browser that crashes loses nothing: the form offers the words back when it
 * opens again, and fills them in only if asked. Once sent, the site has them (a form it refuses comes back filled in).
 * Nothing is sent anywhere by this script; the form works as before without it. A draft belongs to one author
 * (data-utkast-av, a hash of their id) and one form (data-utkast, its address), is kept a week at most, and goes when
 * the form shows the same words.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-utkast][data-utkast-av]");
  var store;
  try {
    store = window.localStorage;
    store.getItem("inlagg");
  } catch (e) {
    return; // Storage off (private mode in some browsers, or refused): the form works as before.
  }
  if (!form || !store) {
    return;
  }
  var prefix = "inlagg.utkast." + form.getAttribute("data-utkast-av") + ".";
  var key = prefix + form.getAttribute("data-utkast");
  var WEEK = 7 * 24 * 3600 * 1000;
  // As the site writes a time ("6 december kl. 9.05"), in the browser's own zone.
  var MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

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

  function firstField() {
    return form.elements.namedItem("title") || fields()[0];
  }

  function same(a, b) {
    var names = Object.keys(a).concat(Object.keys(b));
    return names.every(function (n) {
      return (a[n] || "") === (b[n] || "");
    });
  }

  function read(k) {
    try {
      var kept = JSON.parse(store.getItem(k) || "null");
      return kept && typeof kept.at === "number" && kept.words ? kept : null;
    } catch (e) {
      return null;
    }
  }

  function write(k, value) {
    try {
      if (value === null) {
        store.removeItem(k);
      } else {
        store.setItem(k, JSON.stringify(value));
      }
    } catch (e) {
      // Full: the draft is not kept, as without this script.
    }
  }

  var shown = words();
  var kept = read(key);
  if (kept && (Date.now() - kept.at > WEEK || same(kept.words, shown))) {
    write(key, null);
    kept = null;
  }
  if (kept) {
    offer(kept);
  }

  var timer = null;
  function keep() {
    clearTimeout(timer);
    timer = null;
    var now = words();
    write(key, same(now, shown) ? null : { at: Date.now(), words: now });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(keep, 400);
  });
  form.addEventListener("submit", function () {
    clearTimeout(timer);
    write(key, null);
  });

  function offer(draft) {
    var box = document.createElement("section");
    box.className = "notice utkast";
    box.setAttribute("aria-labelledby", "utkast-rubrik");
    var heading = document.createElement("h2");
    heading.id = "utkast-rubrik";
    heading.textContent = "Osparad text i den här webbläsaren";
    var text = document.createElement("p");
    var at = new Date(draft.at);
    var when = at.getDate() + " " + MONTHS[at.getMonth()] + " kl. " + at.getHours() + "." + ("0" + at.getMinutes()).slice(-2);
    text.textContent = "Du skrev i det här formuläret " + when + " utan att det sparades på webbplatsen. "
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
        if (Object.prototype.hasOwnProperty.call(draft.words, e.name)) {
          e.value = draft.words[e.name];
        }
      });
      box.remove();
      keep();
      firstField().focus();
    });
    drop.addEventListener("click", function () {
      write(key, null);
      box.remove();
      firstField().focus();
    });
    var actions = document.createElement("p");
    actions.className = "actions";
    actions.appendChild(fill);
    actions.appendChild(drop);
    box.appendChild(heading);
    box.appendChild(text);
    box.appendChild(actions);
    form.parentNode.insertBefore(box, form);
  }
})();
