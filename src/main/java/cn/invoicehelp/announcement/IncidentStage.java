package cn.invoicehelp.announcement;

import java.time.Duration;

/** The four-phase timeline of an incident (the same phases as a fault report), then closed. */
public enum IncidentStage {
    CONFIRMING("确认问题", Duration.ofHours(2)),
    REPAIRING("修复中", Duration.ofHours(8)),
    TESTING("测试验证", Duration.ofHours(12)),
    NOTIFYING("通知用户", Duration.ofHours(2)),
    CLOSED("已恢复", Duration.ZERO);

    private final String label;
    private final Duration target;

    IncidentStage(String label, Duration target) {
        this.label = label;
        this.target = target;
    }

    public String label() {
        return label;
    }

    /** How long this phase is planned to take at most. */
    public Duration target() {
        return target;
    }

    /** The phase after this one; CLOSED stays CLOSED. */
    public IncidentStage next() {
        return this == CLOSED ? CLOSED : values()[ordinal() + 1];
    }

    /** Until the end of TESTING the function is still down; from NOTIFYING on it works again. */
    public boolean serviceRestored() {
        return ordinal() >= NOTIFYING.ordinal();
    }
}
