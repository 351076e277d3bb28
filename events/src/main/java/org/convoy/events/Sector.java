package org.convoy.events;

/** Sectors named in the convoy's agenda; delegates state their interests and meetings carry one, by these names. */
public enum Sector {
    FINTECH, AUTOMOTIVE, BIOMEDICAL, CINEMATOGRAPHY, DIASPORA_LINKS, AGRIBUSINESS, TOURISM, OTHER
}
