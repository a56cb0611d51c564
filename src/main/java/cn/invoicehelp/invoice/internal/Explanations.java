package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import cn.invoicehelp.invoice.VerificationResult.Outcome;
import cn.invoicehelp.invoice.VerificationResult.Problem;
import cn.invoicehelp.invoice.VerificationResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The zh-CN explanation and next steps for each outcome of a lookup. */
final class Explanations {

    private static final String PLATFORM = "全国增值税发票查验平台(https://inv-veri.chinatax.gov.cn)";

    private Explanations() {
    }

    static VerificationResult invalid(List<Problem> problems) {
        return result(Outcome.INVALID, null, problems, "输入的发票信息有误或不完整,还没有进行查询。请按提示修改:"
                + String.join(" ", problems.stream().map(Problem::message).toList()),
                List.of("对照发票原件逐项核对并补全信息", "发票代码和号码在发票右上角,开票日期按 8 位数字填写"));
    }

    static VerificationResult otherRegion(String region, Optional<String> name) {
        String where = name.map(n -> "属于" + n).orElse("不是北京(11)");
        return result(Outcome.OTHER_REGION, null, List.of(), "这张发票的地区代码是 " + region + "," + where
                + ",不是北京开具的发票,所以北京发票系统里查不到。请到" + PLATFORM + "查验,平台会按发票代码自动转到"
                + name.orElse("所属地区") + "的查询服务。",
                List.of("到" + PLATFORM + "查验", "如对发票有疑问,请联系开票方或其主管税务机关"));
    }

    static VerificationResult outOfWindow(int years) {
        return result(Outcome.OUT_OF_WINDOW, null, List.of(), "这张发票的开票日期在 " + years
                + " 年以前,超出了网上查验的时间范围,无法在线查验。",
                List.of("携带发票原件到主管税务机关核实", "也可拨打 12366 纳税服务热线咨询"));
    }

    static VerificationResult limitExceeded(int perDay) {
        return result(Outcome.LIMIT_EXCEEDED, null, List.of(), "这张发票今天的查验次数已超过 " + perDay
                + " 次,请明天再查验。",
                List.of("明天再查验;今天重复提交仍会被拒绝", "查验前先对照原件核对全部信息,避免浪费次数"));
    }

    /** This client's failed tries on this invoice are used up; the invoice itself (and its owner) is not affected. */
    static VerificationResult clientTriesExceeded(int perDay) {
        return result(Outcome.LIMIT_EXCEEDED, null, List.of(), "您今天对这张发票的查验已有 " + perDay
                + " 次没有查到或信息不一致,请先对照发票原件核对全部信息,明天再试。",
                List.of("对照发票原件逐项核对发票代码、号码、日期和金额(或校验码后 6 位)", "明天再查验",
                        "仍查不到可以联系人工客服"));
    }

    static VerificationResult tooEarly() {
        return result(Outcome.TOO_EARLY, null, List.of(), "没有查到这张发票。它是今天开具的,发票数据通常要到次日"
                + "才能同步到系统,请明天再查。",
                List.of("明天再查验", "如果次日仍查不到,请联系开票方确认发票数据已上传"));
    }

    static VerificationResult notFound(InvoiceType type) {
        return result(Outcome.NOT_FOUND, null, List.of(), "北京发票系统里没有找到这张" + type.label()
                + "。最常见的原因依次是:1. 发票代码或号码输入有误;2. 开票方离线开票或数据同步滞后(通常至少 1 天);"
                + "3. 开票方还没有上传这张发票;4. 发票本身有问题。",
                List.of("对照发票原件逐位核对发票代码和号码,也可以扫描发票上的二维码避免输错",
                        "如果是最近一两天开具的发票,请明天再查", "联系开票方确认发票已经开具并上传",
                        "确认无误仍查不到,可以提交故障报告,我们会跟进处理"));
    }

    static VerificationResult mismatch(List<Problem> differences) {
        return result(Outcome.MISMATCH, null, differences, "找到了这张发票,但有信息与记录不一致:"
                + String.join(" ", differences.stream().map(Problem::message).toList()),
                List.of("按提示修改后重新查验(每张发票每天最多查验 5 次)",
                        "如确认输入与票面完全一致,请与开票方或其主管税务机关联系核实"));
    }

    static VerificationResult found(Invoice invoice) {
        InvoiceStatus status = invoice.status();
        List<String> next = status == InvoiceStatus.NORMAL ? List.of("可以正常使用这张发票")
                : List.of("联系开票方处理", "如有疑问,可拨打 12366 纳税服务热线咨询");
        return result(Outcome.FOUND, status.label(), List.of(), "查到了这张" + invoice.type().label()
                + ",信息一致。" + status.meaning(), next, Masking.view(invoice));
    }

    private static VerificationResult result(Outcome outcome, String status, List<Problem> problems, String message,
            List<String> nextSteps) {
        return result(outcome, status, problems, message, nextSteps, null);
    }

    private static VerificationResult result(Outcome outcome, String status, List<Problem> problems, String message,
            List<String> nextSteps, Map<String, Object> invoice) {
        return new VerificationResult(outcome, status, List.copyOf(problems), message, nextSteps, invoice);
    }
}
