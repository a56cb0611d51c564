package cn.invoicehelp.invoice.internal;

import java.util.Map;
import java.util.Optional;

/** Region digits of invoice codes: provinces by their first two digits, 计划单列市 by four. */
final class Regions {

    private static final Map<String, String> CITIES = Map.of("2102", "大连", "3302", "宁波", "3502", "厦门", "3702", "青岛",
            "4403", "深圳");

    private static final Map<String, String> PROVINCES = Map.ofEntries(Map.entry("11", "北京"), Map.entry("12", "天津"),
            Map.entry("13", "河北"), Map.entry("14", "山西"), Map.entry("15", "内蒙古"), Map.entry("21", "辽宁"),
            Map.entry("22", "吉林"), Map.entry("23", "黑龙江"), Map.entry("31", "上海"), Map.entry("32", "江苏"),
            Map.entry("33", "浙江"), Map.entry("34", "安徽"), Map.entry("35", "福建"), Map.entry("36", "江西"),
            Map.entry("37", "山东"), Map.entry("41", "河南"), Map.entry("42", "湖北"), Map.entry("43", "湖南"),
            Map.entry("44", "广东"), Map.entry("45", "广西"), Map.entry("46", "海南"), Map.entry("50", "重庆"),
            Map.entry("51", "四川"), Map.entry("52", "贵州"), Map.entry("53", "云南"), Map.entry("54", "西藏"),
            Map.entry("61", "陕西"), Map.entry("62", "甘肃"), Map.entry("63", "青海"), Map.entry("64", "宁夏"),
            Map.entry("65", "新疆"));

    private Regions() {
    }

    /** The province or city the digits belong to, when known. */
    static Optional<String> name(String region) {
        if (region.length() >= 4 && CITIES.containsKey(region.substring(0, 4))) {
            return Optional.of(CITIES.get(region.substring(0, 4)));
        }
        return Optional.ofNullable(PROVINCES.get(region.substring(0, 2)));
    }
}
