package dev.gastown.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldsTest {
    @Test
    void readsAnySpellingOfAKeyAndTreatsNullAsUnset() {
        String d = "branch: polecat/toast-abc\nSource-Issue: ga-12\nconflict_task_id: null\n\nFree text: here";
        assertThat(Fields.get(d, "source_issue")).contains("ga-12");
        assertThat(Fields.get(d, "conflict_task_id")).isEmpty();
        assertThat(Fields.get(d, "missing")).isEmpty();
    }

    @Test
    void setReplacesInPlaceOrAddsAfterTheLeadingFields() {
        String d = "branch: b\ntarget: main\n\nBody text";
        assertThat(Fields.set(d, "target", "dev")).isEqualTo("branch: b\ntarget: dev\n\nBody text");
        assertThat(Fields.set(d, "retry_count", "1")).isEqualTo("branch: b\ntarget: main\nretry_count: 1\n\nBody text");
        assertThat(Fields.set("", "attached_molecule", "ga-wisp-1")).isEqualTo("attached_molecule: ga-wisp-1");
    }
}
