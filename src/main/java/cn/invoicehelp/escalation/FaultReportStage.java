package cn.invoicehelp.escalation;

/** The repair timeline of a fault report, in order. Codes are stable (API, database, events). */
public enum FaultReportStage {

    CONFIRMING("确认原因"),
    REPAIRING("实施修复"),
    TESTING("全面测试"),
    NOTIFYING("发布恢复通知"),
    CLOSED("已完成");

    private final String label;

    FaultReportStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage after this one; CLOSED has none. */
    public FaultReportStage next() {
        return this == CLOSED ? null : values()[ordinal() + 1];
    }

    /** The stage from its code, ignoring case; null when there is no such stage. */
    public static FaultReportStage parse(String code) {
        if (code == null) {
            return null;
        }
        for (FaultReportStage stage : values()) {
            if (stage.name().equalsIgnoreCase(code.strip())) {
                return stage;
            }
        }
        return null;
    }
}
