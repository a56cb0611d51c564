package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A deterministic, realistic set of Beijing invoices: every type and state, the last six years, codes and numbers that
 * follow the digit rules. The fixed samples are documented in docs/invoice.md so people can try them.
 */
final class DemoInvoices {

    private static final String[] PREFIXES = {"京华", "燕山", "中关村", "望京", "朝阳", "海淀", "首都", "长安", "西城", "亦庄"};
    private static final String[] TRADES = {"科技", "商贸", "餐饮管理", "信息技术", "建筑工程", "文化传媒", "医药", "物流",
            "咨询服务", "汽车销售"};
    private static final InvoiceType[] TYPES = InvoiceType.values();
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private DemoInvoices() {
    }

    /** The documented samples; the last one is issued (and entered) today. */
    static List<ImportRow> samples(LocalDate today) {
        return List.of(
                row("1100242130", "12345678", InvoiceType.SPECIAL, LocalDate.of(2024, 12, 20), "1000.00", "130.00", null,
                        InvoiceStatus.NORMAL),
                row("011002400111", "23456789", InvoiceType.E_NORMAL, LocalDate.of(2024, 8, 15), "500.00", "15.00",
                        "75477538000103821713", InvoiceStatus.NORMAL),
                row("", "24112000000012345678", InvoiceType.DIGITAL_SPECIAL, LocalDate.of(2024, 11, 5), "2000.00",
                        "260.00", null, InvoiceStatus.NORMAL),
                row("1100232530", "34567890", InvoiceType.SPECIAL, LocalDate.of(2023, 6, 30), "8800.00", "1144.00", null,
                        InvoiceStatus.VOIDED),
                row("011002300311", "45678901", InvoiceType.E_NORMAL, LocalDate.of(2023, 9, 12), "320.00", "9.60",
                        "11112222333344445555", InvoiceStatus.RED_REVERSED),
                row("1100" + String.format("%02d", today.getYear() % 100) + "2130", "56789012", InvoiceType.SPECIAL, today,
                        "2500.00", "325.00", null, InvoiceStatus.NORMAL));
    }

    private static ImportRow row(String code, String number, InvoiceType type, LocalDate date, String amount,
            String tax, String checkCode, InvoiceStatus status) {
        BigDecimal excl = new BigDecimal(amount);
        BigDecimal t = new BigDecimal(tax);
        return new ImportRow(code, number, type, date, excl, t, excl.add(t), checkCode, "北京示例科技有限公司",
                "91110108MA01ABCD2X", "北京样例商贸有限公司", "91110105MA02EFGH3Y", status,
                date.atTime(LocalTime.of(18, 0)).atOffset(BEIJING));
    }

    /** {@code count} generated invoices, the same for the same seed and day. */
    static Stream<ImportRow> generate(int count, LocalDate today, long seed) {
        return generate(count, today, seed, 0);
    }

    /** The invoices numbered from {@code first} on (numbers follow the index, so other ranges never collide). */
    static Stream<ImportRow> generate(int count, LocalDate today, long seed, int first) {
        Random random = new Random(seed);
        return Stream.iterate(first, i -> i < first + count, i -> i + 1).map(i -> generated(i, today, random));
    }

    private static ImportRow generated(int i, LocalDate today, Random random) {
        InvoiceType type = TYPES[i % TYPES.length];
        LocalDate date = today.minusDays(1 + random.nextInt(6 * 365));
        String yy = String.format("%02d", date.getYear() % 100);
        BigDecimal excl = BigDecimal.valueOf(1000 + random.nextInt(5_000_000), 2);
        BigDecimal rate = BigDecimal.valueOf(InvoiceTypes.proof(type) == InvoiceTypes.Proof.CHECK_CODE ? 3 : 13, 2);
        BigDecimal tax = excl.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        String number = InvoiceTypes.digital(type) ? yy + "112" + String.format("%015d", 100_000_000L + i)
                : String.format("%08d", (i * 7_919L + 1_234_567L) % 100_000_000L);
        int roll = random.nextInt(100);
        InvoiceStatus status = roll < 85 ? InvoiceStatus.NORMAL : roll < 91 ? InvoiceStatus.VOIDED
                : roll < 96 ? InvoiceStatus.RED_REVERSED : roll < 98 ? InvoiceStatus.OUT_OF_CONTROL : InvoiceStatus.ABNORMAL;
        return new ImportRow(code(type, yy, random), number, type, date, excl, tax, excl.add(tax),
                InvoiceTypes.proof(type) == InvoiceTypes.Proof.CHECK_CODE ? digits(random, 20) : null, company(random),
                taxId(random), company(random), taxId(random), status,
                date.atTime(LocalTime.of(9 + random.nextInt(10), random.nextInt(60))).atOffset(BEIJING)
                        .plusHours(random.nextInt(30)));
    }

    /** A code whose digits say Beijing (1100), the year, and this type. */
    static String code(InvoiceType type, String yy, Random random) {
        String batch = String.valueOf(random.nextInt(10));
        return switch (type) {
            case SPECIAL -> "1100" + yy + batch + "1" + "3" + random.nextInt(5);
            case NORMAL -> random.nextBoolean() ? "1100" + yy + batch + "3" + "2" + random.nextInt(5)
                    : "01100" + yy + "00" + batch + "04";
            case E_NORMAL -> "01100" + yy + "00" + batch + "11";
            case E_SPECIAL -> "01100" + yy + "00" + batch + "13";
            case ROLL -> "01100" + yy + "00" + batch + (random.nextBoolean() ? "06" : "07");
            case TOLL -> "01100" + yy + "00" + batch + "12";
            case VEHICLE -> "11100" + yy + "2" + batch + "0" + "01";
            case USED_VEHICLE -> "01100" + yy + "00" + batch + "17";
            case DIGITAL_SPECIAL, DIGITAL_NORMAL -> "";
        };
    }

    private static String company(Random random) {
        return "北京" + PREFIXES[random.nextInt(PREFIXES.length)] + TRADES[random.nextInt(TRADES.length)] + "有限公司";
    }

    private static String taxId(Random random) {
        return "91110" + (100 + random.nextInt(900)) + "MA" + digits(random, 8);
    }

    private static String digits(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    /** The row as a line of the import CSV. */
    static String csv(ImportRow r) {
        List<String> fields = new ArrayList<>(List.of(r.code(), r.number(), r.type().name(), r.issueDate().toString(),
                r.amountExclTax().toPlainString(), r.tax().toPlainString(), r.total().toPlainString(),
                r.checkCode() == null ? "" : r.checkCode(), r.sellerName(), r.sellerTaxId(), r.buyerName(),
                r.buyerTaxId(), r.status().name(), r.enteredAt().toString()));
        fields.replaceAll(f -> f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        return String.join(",", fields);
    }
}
