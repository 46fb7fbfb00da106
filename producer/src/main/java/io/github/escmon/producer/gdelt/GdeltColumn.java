package io.github.escmon.producer.gdelt;

import io.github.escmon.events.InvalidIncidentException;

/**
 * The columns of a GDELT events export that escmon reads, with their 0-based positions in each official layout.
 *
 * <p>GDELT 2.0 (61 columns) is the layout of {@code GDELT_2.0_Events_Column_Labels.csv}. GDELT 1.0 is the same
 * minus the three {@code *Geo_ADM2Code} columns: 58 columns in the daily files (from April 2013 on); the
 * 57-column historical backfile also lacks the last one, {@code SOURCEURL}.
 */
enum GdeltColumn {
    GLOBALEVENTID("GLOBALEVENTID", 0, 0),
    SQLDATE("SQLDATE", 1, 1),
    ACTOR1_CODE("Actor1Code", 5, 5),
    ACTOR1_NAME("Actor1Name", 6, 6),
    ACTOR1_COUNTRY_CODE("Actor1CountryCode", 7, 7),
    ACTOR1_KNOWN_GROUP_CODE("Actor1KnownGroupCode", 8, 8),
    ACTOR2_CODE("Actor2Code", 15, 15),
    ACTOR2_NAME("Actor2Name", 16, 16),
    ACTOR2_COUNTRY_CODE("Actor2CountryCode", 17, 17),
    ACTOR2_KNOWN_GROUP_CODE("Actor2KnownGroupCode", 18, 18),
    EVENT_CODE("EventCode", 26, 26),
    EVENT_ROOT_CODE("EventRootCode", 28, 28),
    GOLDSTEIN_SCALE("GoldsteinScale", 30, 30),
    NUM_SOURCES("NumSources", 32, 32),
    ACTION_GEO_FULL_NAME("ActionGeo_FullName", 52, 50),
    ACTION_GEO_COUNTRY_CODE("ActionGeo_CountryCode", 53, 51),
    ACTION_GEO_LAT("ActionGeo_Lat", 56, 53),
    ACTION_GEO_LONG("ActionGeo_Long", 57, 54),
    DATEADDED("DATEADDED", 59, 56),
    SOURCEURL("SOURCEURL", 60, 57);

    private final String label;
    private final int v2Position;
    private final int v1Position;

    GdeltColumn(String label, int v2Position, int v1Position) {
        this.label = label;
        this.v2Position = v2Position;
        this.v1Position = v1Position;
    }

    /** The name GDELT gives the column, as in header rows; also the field of an invalid row's report. */
    String label() {
        return label;
    }

    /** A bad value in this column: the row's field is the column, the message starts with its name. */
    InvalidIncidentException invalid(String message) {
        return new InvalidIncidentException(label, label + ": " + message);
    }

    /** The value in quotes, cut short: a shifted row can put a whole title in a code column. */
    static String quoted(String value) {
        int max = 60;
        return "\"" + (value.length() > max ? value.substring(0, max) + "…" : value) + "\"";
    }

    int v2Position() {
        return v2Position;
    }

    int v1Position() {
        return v1Position;
    }
}
