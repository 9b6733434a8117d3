package dev.gastown.core.agents;

/** The {@code agent_state} values an agent bead records (the original's vocabulary). */
public enum AgentState {
    SPAWNING, RUNNING, WORKING, IDLE, DONE, STUCK, STOPPED, DEAD, AWAITING_GATE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static AgentState parse(String key) {
        for (AgentState s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return IDLE;
    }
}
