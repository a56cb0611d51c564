package cn.invoicehelp.chat.web;

import cn.invoicehelp.chat.ChatProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The widget runs on the customer's site and calls the chat REST API from there: the same origins that may open
 * {@code /ws/chat} may call {@code /api/chat/**} (and read the active announcements the widget shows as a banner, and
 * subscribe to updates from its subscribe card).
 */
@Configuration
class ChatCors implements WebMvcConfigurer {

    private final ObjectProvider<ChatProperties> properties;

    /** A provider, because web slices of other modules pick up this configurer without the chat's settings. */
    ChatCors(ObjectProvider<ChatProperties> properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        ChatProperties properties = this.properties.getIfAvailable();
        if (properties == null) {
            return;
        }
        String[] origins = properties.allowedOrigins().toArray(String[]::new);
        registry.addMapping("/api/chat/**").allowedOriginPatterns(origins).allowedMethods("GET", "POST")
                .allowedHeaders("Authorization", "Content-Type").maxAge(3600);
        registry.addMapping("/api/announcements/active").allowedOriginPatterns(origins).allowedMethods("GET");
        // The widget's subscribe card (chat-protocol card "subscribe") subscribes and unsubscribes from there too.
        registry.addMapping("/api/notifications/subscriptions/**").allowedOriginPatterns(origins)
                .allowedMethods("POST", "DELETE").allowedHeaders("Content-Type").maxAge(3600);
    }
}
