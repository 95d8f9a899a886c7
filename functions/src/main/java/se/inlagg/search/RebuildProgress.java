package se.inlagg.search;

/** What a rebuild of the index tells as it goes (`./inlagg reindex` says it): posts read, and the moment it is swapped in. */
@FunctionalInterface
public interface RebuildProgress {

    /** Telling nobody: the indexer's own rebuilds, and the local server's. */
    RebuildProgress UNTOLD = count -> { };

    /** After each page of posts: how many it has read (from 0 again if another writer came first and it starts over). */
    void postsRead(int count);

    /** The new index is the one searched from now on: stopped after this, nothing is left undone but tidying. */
    default void swappedIn() {
    }
}
