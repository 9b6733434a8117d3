package dev.gastown.beads.store;

import dev.gastown.beads.model.Issue;

/** One change recorded in the journal: the whole new state of an issue, or its hard deletion (wisps only). */
public sealed interface JournalOp {
    String id();

    record Put(Issue issue) implements JournalOp {
        @Override
        public String id() {
            return issue.id();
        }
    }

    record Delete(String id) implements JournalOp {
    }
}
