package cn.invoicehelp.escalation.web;

import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReportProblem;
import cn.invoicehelp.escalation.FaultReportProgress;
import cn.invoicehelp.escalation.FaultReportReceipt;
import cn.invoicehelp.escalation.FaultReportRejected;
import cn.invoicehelp.escalation.FaultReporting;
import cn.invoicehelp.escalation.TrackingNumbers;
import cn.invoicehelp.escalation.report.ReportThrottle;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The visitor's side: file a report, follow it by tracking number and contact. */
@RestController
class FaultReportController {

    private static final Set<String> FIELDS = Set.of("invoiceNumbers", "invoiceType", "occurredAt", "description",
            "phone", "email", "conversationId");
    private static final int MAX_TEXT = 4000;

    private final FaultReporting service;
    private final ReportThrottle throttle;
    private final JsonMapper json;

    FaultReportController(FaultReporting service, ReportThrottle throttle, JsonMapper json) {
        this.service = service;
        this.throttle = throttle;
        this.json = json;
    }

    @PostMapping("/api/fault-reports")
    ResponseEntity<FaultReportReceipt> file(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        FaultReportForm form = parse(body);
        List<FaultReportProblem> problems = service.problems(form);
        if (!problems.isEmpty()) {
            throw new FaultReportRejected(problems);
        }
        throttle.tryFiling(request.getRemoteAddr()).ifPresent(wait -> {
            throw new FaultReportApiErrors.TooMany(wait, "提交太频繁了，请稍后再试。");
        });
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(service.file(form));
    }

    @GetMapping("/api/fault-reports/{trackingNumber}")
    ResponseEntity<FaultReportProgress> track(@PathVariable String trackingNumber,
                                              @RequestParam(required = false) String contact,
                                              HttpServletRequest request) {
        Optional<String> number = TrackingNumbers.normalise(trackingNumber);
        if (number.isEmpty()) {
            throw new FaultReportRejected(List.of(new FaultReportProblem("trackingNumber",
                    "报告编号格式不正确：以 BJ 开头，共 17 位，例如 BJ2503100K7QM2XPW。")));
        }
        if (!TrackingNumbers.isValid(number.get())) {
            throw new FaultReportRejected(List.of(new FaultReportProblem("trackingNumber",
                    "报告编号有误：校验位对不上，可能有一位抄错了，请逐位核对。")));
        }
        if (contact == null || contact.isBlank()) {
            throw new FaultReportRejected(List.of(new FaultReportProblem("contact",
                    "请填写提交报告时留下的手机号码或电子邮箱。")));
        }
        String client = request.getRemoteAddr();
        throttle.clientBlocked(client).ifPresent(wait -> {
            throw new FaultReportApiErrors.TooMany(wait, FaultReportApiErrors.TOO_MANY_GUESSES);
        });
        Optional<FaultReportProgress> progress = service.track(number.get(), contact);
        if (progress.isEmpty()) {
            throttle.wrongGuessByClient(client);
            throw new FaultReportApiErrors.NotFound();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(progress.get());
    }

    /** Reads the JSON by hand so that every field of the wrong shape gets its own message. */
    private FaultReportForm parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new FaultReportRejected(List.of(new FaultReportProblem("body",
                    "请求内容不能为空：请提交 JSON，例如 {\"occurredAt\": \"2025-03-10T09:30:00+08:00\", "
                            + "\"description\": \"…\", \"phone\": \"13800138000\"}。")));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new FaultReportRejected(List.of(new FaultReportProblem("body", "请求内容不是有效的 JSON，请检查格式。")));
        }
        if (root == null || !root.isObject()) {
            throw new FaultReportRejected(List.of(new FaultReportProblem("body", "请求内容应为一个 JSON 对象 {…}。")));
        }
        List<FaultReportProblem> problems = new ArrayList<>();
        for (String name : root.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add(new FaultReportProblem(name, "不认识的字段 " + name + "：可用字段为 invoiceNumbers、invoiceType、"
                        + "occurredAt、description、phone、email、conversationId。"));
            }
        }
        List<String> numbers = null;
        JsonNode list = root.get("invoiceNumbers");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problems.add(new FaultReportProblem("invoiceNumbers", "invoiceNumbers 应为发票号码的列表，例如 [\"12345678\"]。"));
            } else {
                numbers = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode n = list.get(i);
                    if (n.isString() || n.isIntegralNumber()) {
                        numbers.add(n.isString() ? n.stringValue() : n.asString());
                    } else {
                        problems.add(new FaultReportProblem("invoiceNumbers[" + i + "]",
                                "第 " + (i + 1) + " 个发票号码应为文本，例如 \"12345678\"。"));
                        numbers.add(null);
                    }
                }
            }
        }
        String type = text(root, "invoiceType", "invoiceType 应为文本，例如 \"SPECIAL\"。", problems);
        String occurredAt = text(root, "occurredAt", "occurredAt 应为日期时间文本，例如 \"2025-03-10T09:30:00+08:00\"。", problems);
        String description = text(root, "description", "description 应为文本。", problems);
        if (description != null && description.length() > MAX_TEXT) {
            description = description.substring(0, MAX_TEXT); // still over the rule's limit: its message says so
        }
        String phone = text(root, "phone", "phone 应为文本，例如 \"13800138000\"。", problems);
        String email = text(root, "email", "email 应为文本，例如 \"name@example.com\"。", problems);
        String conversation = text(root, "conversationId", "conversationId 应为文本。", problems);
        UUID conversationId = null;
        if (conversation != null && !conversation.isBlank()) {
            try {
                conversationId = UUID.fromString(conversation.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FaultReportProblem("conversationId", "conversationId 格式不正确，应为聊天会话的编号。"));
            }
        }
        FaultReportForm form = new FaultReportForm(numbers, type, occurredAt, description, phone, email,
                conversationId, null);
        if (!problems.isEmpty()) {
            // Report the shape problems together with what the rules say about the other fields.
            Set<String> named = new java.util.HashSet<>(problems.stream().map(FaultReportProblem::field).toList());
            service.problems(form).stream().filter(p -> !named.contains(p.field())
                    && !(p.field().startsWith("invoiceNumbers") && named.stream().anyMatch(f -> f.startsWith("invoiceNumbers"))))
                    .forEach(problems::add);
            throw new FaultReportRejected(problems);
        }
        return form;
    }

    private static String text(JsonNode root, String field, String wrongShape, List<FaultReportProblem> problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add(new FaultReportProblem(field, wrongShape));
            return null;
        }
        String value = node.stringValue();
        if (!"description".equals(field) && value.length() > MAX_TEXT) {
            problems.add(new FaultReportProblem(field, field + " 太长了（最多 " + MAX_TEXT + " 个字符）。"));
            return null;
        }
        return value;
    }

}
