package cn.invoicehelp.assistant;

import cn.invoicehelp.announcement.AnnouncementFixtures;
import cn.invoicehelp.support.ClockedAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The assistant reads the live announcements: an outage changes the first reply and the "系统维护" step. */
@ClockedAppTest
class SystemStatusReplyTests {

    @Autowired
    Assistant assistant;
    @Autowired
    AnnouncementFixtures announcements;

    @BeforeEach
    @AfterEach
    void quietBoard() {
        announcements.endAll();
    }

    @Test
    void activeMaintenanceChangesTheFirstReplyOfANotFoundConversation() {
        announcements.publishMaintenance("北京发票系统升级", "升级期间暂停查询和开票", Duration.ofHours(3));
        UUID id = UUID.randomUUID();
        assistant.greet(id);

        Reply first = assistant.reply(id, "我的发票在北京系统里查不到", null).get(0);
        assertThat(first.text()).contains("正在维护").contains("北京发票系统升级").contains("预计").contains("结束")
                .contains("暂缓开票").contains("恢复后");
        assertThat(first.text()).doesNotContain("网络");
        assertThat(first.quickReplies()).extracting(Reply.QuickReply::label).contains("订阅进展通知", "恢复后还是查不到");
        assertThat(first.card()).isInstanceOf(Card.Faq.class);
        assertThat(((Card.Faq) first.card()).slug()).isEqualTo("pause-business-advice");

        Reply offer = assistant.reply(id, null, "step:maintenance:subscribe").get(0);
        assertThat(offer.card()).isInstanceOfSatisfying(Card.Subscribe.class, card -> {
            assertThat(card.targetType()).isEqualTo("ANNOUNCEMENT");
            assertThat(card.url()).isEqualTo("/api/notifications/subscriptions");
        });

        // Told once: the next "查不到" walks on normally.
        List<Reply> again = assistant.reply(id, null, "flow:self-check");
        assertThat(again.get(0).text()).contains("网络");
    }

    @Test
    void withoutAnOutageTheSelfCheckStartsAsUsual() {
        UUID id = UUID.randomUUID();
        Reply first = assistant.reply(id, "我的发票在北京系统里查不到", null).get(0);
        assertThat(first.text()).doesNotContain("系统公告");
        Reply subscribe = assistant.reply(id, null, "subscribe").get(0);
        assertThat(subscribe.text()).contains("没有正在进行的维护或故障");
        assertThat(subscribe.card()).isNull();
    }

    @Test
    void theMaintenanceStepAnswersFromLiveData() {
        UUID quiet = UUID.randomUUID();
        assistant.reply(quiet, null, "flow:self-check");
        Reply none = assistant.reply(quiet, null, "step:type:sure").get(0);
        assertThat(none.text()).contains("目前没有正在进行的维护或故障");

        UUID busy = UUID.randomUUID();
        assistant.reply(busy, null, "flow:self-check");
        announcements.publishMaintenance("夜间维护", "暂停查验", Duration.ofHours(2));
        Reply live = assistant.reply(busy, null, "step:type:sure").get(0);
        assertThat(live.text()).contains("正在维护").contains("夜间维护").contains("查不到是正常的");
        assertThat(live.quickReplies()).extracting(Reply.QuickReply::action).contains("step:maintenance:subscribe");
    }
}
