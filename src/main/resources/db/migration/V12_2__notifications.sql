-- Notification subscriptions (contacts erased once no longer needed) and the delivery outbox.
CREATE TABLE notification_subscription (
    id                 UUID PRIMARY KEY,
    target_type        VARCHAR(16)  NOT NULL,
    target_id          VARCHAR(40)  NOT NULL,
    phone              VARCHAR(20),
    email              VARCHAR(254),
    phone_masked       VARCHAR(20),
    email_masked       VARCHAR(254),
    token              VARCHAR(64)  NOT NULL UNIQUE,
    status             VARCHAR(16)  NOT NULL,
    source             VARCHAR(20)  NOT NULL,
    consent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at           TIMESTAMP WITH TIME ZONE,
    contacts_erased_at TIMESTAMP WITH TIME ZONE,
    version            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notification_subscription_by_target ON notification_subscription (target_type, target_id, status);

CREATE TABLE notification_delivery (
    id              UUID PRIMARY KEY,
    subscription_id UUID          NOT NULL REFERENCES notification_subscription (id),
    channel         VARCHAR(8)    NOT NULL,
    event_key       VARCHAR(100)  NOT NULL,
    subject         VARCHAR(300),
    text            VARCHAR(4000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(600),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT notification_delivery_once UNIQUE (subscription_id, channel, event_key)
);
CREATE INDEX notification_delivery_due ON notification_delivery (status, next_attempt_at);

-- STAND-IN for an SMS gateway: what would have been sent (masked number). See README.
CREATE TABLE sms_standin_message (
    id           UUID PRIMARY KEY,
    phone_masked VARCHAR(20)   NOT NULL,
    text         VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
