package org.convoy.events;

/** The four axes of the convoy's agenda, by the names events carry. */
public enum Axis {
    ECONOMIC, COMMUNITIES, CREATIVE_INDUSTRIES, DIPLOMACY
}
