package cn.invoicehelp.announcement;

/** A function of the Beijing invoice system an announcement says is affected. */
public enum Affect {
    ISSUE_INVOICE("开具发票"),
    QUERY_HISTORY("查询历史记录"),
    VERIFY_INVOICE("发票查验"),
    FINANCE("财务操作"),
    TAX_FILING_API("税务申报接口"),
    LOGIN("登录");

    private final String label;

    Affect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
