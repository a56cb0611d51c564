package cn.invoicehelp.escalation;

/** One thing wrong with a fault report form: the field and a zh-CN message saying how to fix it. */
public record FaultReportProblem(String field, String message) {
}
