package io.laxin.webhook.delivery.web;

import java.util.List;

/** A page of the delivery log, newest first. */
public record DeliveryPageResponse(List<DeliveryResponse> items, long total, int page, int size) {}
