package cn.invoicehelp.announcement;

/** What an announcement is about. */
public enum AnnouncementKind {
    MAINTENANCE("维护通知"), INCIDENT("故障通报"), RECOVERY("恢复通知"), NOTICE("通知");

    private final String label;

    AnnouncementKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
