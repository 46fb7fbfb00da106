package io.github.escmon.producer.gdelt;

import io.github.escmon.producer.source.SourceSettings.ActorLevel;
import java.util.Optional;

/**
 * One side of a GDELT event as escmon names it: a country ({@code IRN}), else a known group ({@code TAL}); at
 * {@link ActorLevel#ACTOR} the full actor code ({@code IRNMIL}) of such an actor.
 *
 * <p>An actor with neither a country nor a known group (a bare role such as {@code COP} or {@code MIL}, or no
 * actor at all) names no one in particular, so the row makes no dyad, at either level: the actor level refines
 * the actors of the rows it pairs, it does not pair more rows.
 *
 * @param name GDELT's name for the actor ({@code IRAN}), or the code when it gives none
 */
record GdeltActor(String code, String name) {

    /** The columns of each side. */
    enum Side {
        ACTOR1("Actor1", GdeltColumn.ACTOR1_CODE, GdeltColumn.ACTOR1_NAME, GdeltColumn.ACTOR1_COUNTRY_CODE,
                GdeltColumn.ACTOR1_KNOWN_GROUP_CODE),
        ACTOR2("Actor2", GdeltColumn.ACTOR2_CODE, GdeltColumn.ACTOR2_NAME, GdeltColumn.ACTOR2_COUNTRY_CODE,
                GdeltColumn.ACTOR2_KNOWN_GROUP_CODE);

        private final String label;
        private final GdeltColumn code;
        private final GdeltColumn name;
        private final GdeltColumn country;
        private final GdeltColumn group;

        Side(String label, GdeltColumn code, GdeltColumn name, GdeltColumn country, GdeltColumn group) {
            this.label = label;
            this.code = code;
            this.name = name;
            this.country = country;
            this.group = group;
        }
    }

    static Optional<GdeltActor> of(GdeltFields fields, Side side, ActorLevel level) {
        String country = fields.get(side.country);
        String group = fields.get(side.group);
        String fullCode = fields.get(side.code);
        String code = !country.isEmpty() ? country : group;
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (level == ActorLevel.ACTOR && !fullCode.isEmpty()) {
            code = fullCode;
        }
        String name = fields.get(side.name);
        return Optional.of(new GdeltActor(code, name.isEmpty() ? code : name));
    }

    /** Why {@link #of} found no actor on this side, for an unpaired row's reason. */
    static String whyNone(GdeltFields fields, Side side) {
        String fullCode = fields.get(side.code);
        return fullCode.isEmpty()
                ? side.label + " is empty"
                : side.label + " " + GdeltColumn.quoted(fullCode) + " has no country or known group";
    }
}
