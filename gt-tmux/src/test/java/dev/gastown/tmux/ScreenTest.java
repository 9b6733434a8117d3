package dev.gastown.tmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreenTest {
    static final AgentPreset GEMINI_LIKE = new AgentPreset("g", "g", List.of(), false, List.of(), List.of(),
            List.of(), "", "esc to cancel", 100, List.of(), Map.of(), List.of(), false);

    @Test
    void withAReadyPromptTheScreenAloneDecides() {
        assertThat(Screen.idle("output\n\n❯\u00a0\n\n\n", Duration.ZERO, NudgerTest.PRESET)).isTrue();
        assertThat(Screen.idle("❯ \n✻ Working… (esc to interrupt)\n", Duration.ofMinutes(5), NudgerTest.PRESET))
                .isFalse();
        assertThat(Screen.idle("just output\n", Duration.ofMinutes(5), NudgerTest.PRESET)).isFalse();
    }

    @Test
    void withoutAReadyPromptAQuietScreenWithoutTheBusyMarkerIsIdle() {
        assertThat(Screen.idle("> done\n", Screen.QUIET, NudgerTest.PROMPTLESS)).isTrue();
        assertThat(Screen.idle("> done\n", Screen.QUIET.minusMillis(1), NudgerTest.PROMPTLESS)).isFalse();
        assertThat(Screen.idle("\n\n", Duration.ofMinutes(5), NudgerTest.PROMPTLESS)).as("nothing drawn yet")
                .isFalse();
        assertThat(Screen.idle("thinking\n⠋ esc to cancel\n", Duration.ofMinutes(5), GEMINI_LIKE)).isFalse();
        assertThat(Screen.idle("answer\n> \n", Duration.ofMinutes(5), GEMINI_LIKE)).isTrue();
        assertThat(Screen.promptShown("answer\n> \n", GEMINI_LIKE)).isFalse();
    }
}
