#!/usr/bin/env sh
# Creates one RocketMQ user per Laxin app and the brand's backend, and allows each only what it does (ADR 0006):
# a topic is published to by its owner only; each consumer group subscribes only to what it reads.
# Run with mqadmin of RocketMQ >= 5.3, its tools.yml holding the admin user's credentials. Passwords come from the
# environment (one per user, e.g. from the Secrets laxin-<app>-mq); nothing here has a default.
#   NAMESRV=rocketmq-namesrv:9876 CLUSTER=DefaultCluster \
#   INVITE_MQ_PASSWORD=… REWARD_MQ_PASSWORD=… ANTIFRAUD_MQ_PASSWORD=… WEBHOOK_MQ_PASSWORD=… BRAND_MQ_PASSWORD=… \
#   sh acl-setup.sh
# Topic names are the defaults (laxin.topics.*); change them here too if an environment renames them.
set -eu

: "${NAMESRV:?}" "${CLUSTER:?}"
: "${INVITE_MQ_PASSWORD:?}" "${REWARD_MQ_PASSWORD:?}" "${ANTIFRAUD_MQ_PASSWORD:?}" "${WEBHOOK_MQ_PASSWORD:?}"
: "${BRAND_MQ_PASSWORD:?}"
MQADMIN="${MQADMIN:-sh bin/mqadmin}"

user() { # name password
  $MQADMIN createUser -n "$NAMESRV" -c "$CLUSTER" -u "$1" -p "$2" -t Normal
}

allow() { # user resources action
  $MQADMIN createAcl -n "$NAMESRV" -c "$CLUSTER" -s "User:$1" -r "$2" -a "$3" -d Allow
}

user invite-service "$INVITE_MQ_PASSWORD"
user reward-service "$REWARD_MQ_PASSWORD"
user antifraud-service "$ANTIFRAUD_MQ_PASSWORD"
user webhook-service "$WEBHOOK_MQ_PASSWORD"
user brand-backend "$BRAND_MQ_PASSWORD"

# publishers: each topic's owner only (reward-service also publishes orders reported over its host API)
allow invite-service Topic:LAXIN_REFERRAL Pub
allow antifraud-service Topic:LAXIN_RISK Pub
allow reward-service Topic:LAXIN_REWARD Pub
allow reward-service Topic:LAXIN_ORDER Pub
allow brand-backend Topic:LAXIN_ORDER Pub

# subscribers: topic and consumer group, per group
allow invite-service Topic:LAXIN_RISK,Group:invite-service-risk-decisions Sub
allow invite-service Topic:LAXIN_ORDER,Group:invite-service-first-orders Sub
allow reward-service Topic:LAXIN_REFERRAL,Group:reward-service-referral-rewards Sub
allow reward-service Topic:LAXIN_RISK,Group:reward-service-risk-revocations Sub
allow reward-service Topic:LAXIN_ORDER,Group:reward-service-order-cashback Sub
allow antifraud-service Topic:LAXIN_ORDER,Group:antifraud-service-order-activity Sub
allow webhook-service Topic:LAXIN_REFERRAL,Topic:LAXIN_REWARD,Topic:LAXIN_RISK,Group:webhook-service-fanout Sub
