package cn.invoicehelp.assistant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sure the assistant must be before it acts on an intent, and when it asks instead.
 *
 * @param intentThreshold    lowest intent confidence (share of the message's words matched) to act on
 * @param clarifyMargin      two intents whose confidences differ by less than this are both offered
 * @param faqClarifyRatio    two FAQ hits whose scores are within this ratio are both offered
 * @param missesBeforeHelp   turns in a row without an answer before 转人工 / 提交故障报告 are offered
 * @param lookupFlow         the flow whose lookup step handles invoice data typed outside a flow
 */
@ConfigurationProperties("helpdesk.assistant")
record AssistantProperties(Float intentThreshold, Float clarifyMargin, Float faqClarifyRatio, Integer missesBeforeHelp,
        String lookupFlow) {

    static final AssistantProperties DEFAULTS = new AssistantProperties(null, null, null, null, null);

    AssistantProperties {
        intentThreshold = intentThreshold == null ? 0.5f : intentThreshold;
        clarifyMargin = clarifyMargin == null ? 0.05f : clarifyMargin;
        faqClarifyRatio = faqClarifyRatio == null ? 0.92f : faqClarifyRatio;
        missesBeforeHelp = missesBeforeHelp == null ? 2 : missesBeforeHelp;
        lookupFlow = lookupFlow == null ? "self-check" : lookupFlow;
    }
}
