package cn.invoicehelp.invoice.internal;

/** States an invoice can be in, with what each means for the person holding it. */
enum InvoiceStatus {

    NORMAL("正常", "发票状态正常,可以正常使用。"),
    VOIDED("作废", "这张发票已被开票方作废,不能用于报销、入账或抵扣。请联系开票方重新开具。"),
    RED_REVERSED("红冲", "这张发票已被开具红字发票冲销(红冲),原发票不能再使用。请向开票方索取更正后重新开具的发票;"
            + "如果已经抵扣过,通常需要做进项转出。"),
    OUT_OF_CONTROL("失控", "这张发票被标记为失控发票,暂时不能作为抵扣凭证。请联系开票方或其主管税务机关核实。"),
    ABNORMAL("异常", "这张发票被列为异常凭证,问题解决前通常不能抵扣或退税。请联系开票方或主管税务机关核实。");

    private final String label;
    private final String meaning;

    InvoiceStatus(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    String label() {
        return label;
    }

    String meaning() {
        return meaning;
    }
}
