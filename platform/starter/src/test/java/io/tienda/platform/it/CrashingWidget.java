package io.tienda.platform.it;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** The event the crashing writer leaves behind; same contract as {@link WidgetApp.WidgetCreated}. */
@EventType("widget.created")
public record CrashingWidget(UUID widgetId, String name, int quantity) {
}
