package dev.gastown.core.prime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SessionStartHookTest {

    @Test
    void claudeCodesPayloadGivesTheSessionAndItsDetails() {
        SessionStartHook h = SessionStartHook.parse("{\"session_id\":\"9f1c-77\",\"transcript_path\":\"/t.jsonl\","
                + "\"cwd\":\"/town/gastown/witness\",\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"}");
        assertThat(h.sessionId()).contains("9f1c-77");
        assertThat(h.source()).contains("startup");
        assertThat(h.transcriptPath()).contains("/t.jsonl");
        assertThat(h.cwd()).contains("/town/gastown/witness");
    }

    @Test
    void missingFieldsWrongTypesAndNonJsonMeanNoData() {
        assertThat(SessionStartHook.parse("{\"source\":\"compact\"}").sessionId()).isEmpty();
        assertThat(SessionStartHook.parse("{\"session_id\":42}").sessionId()).isEmpty();
        assertThat(SessionStartHook.parse("{\"session_id\":\"  \"}").sessionId()).isEmpty();
        assertThat(SessionStartHook.parse("")).isEqualTo(SessionStartHook.NONE);
        assertThat(SessionStartHook.parse("session started")).isEqualTo(SessionStartHook.NONE);
        assertThat(SessionStartHook.parse("[\"session_id\"]")).isEqualTo(SessionStartHook.NONE);
        assertThat(SessionStartHook.parse("{\"session_id\":\"x\"")).isEqualTo(SessionStartHook.NONE);
    }

    @Test
    void readingTakesWhatTheStreamHolds() {
        InputStream in = new ByteArrayInputStream("{\"session_id\":\"abc\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(SessionStartHook.read(in, Duration.ofSeconds(30)).sessionId()).contains("abc");
    }

    @Test
    void aStreamThatNeverEndsIsGivenUpOn() {
        CountDownLatch never = new CountDownLatch(1);
        InputStream silent = new InputStream() {
            @Override
            public int read() {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        assertThat(SessionStartHook.read(silent, Duration.ofMillis(20))).isEqualTo(SessionStartHook.NONE);
        never.countDown();
    }
}
