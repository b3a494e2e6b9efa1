package io.cairn.isms.schedules;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of schedules of security procedures: it checks who may do what and hands each request to the
 * service of its use case. Admins and coordinators add, revise, pause, resume and remove schedules; handlers read them
 * and their history; anyone else is refused (403 in the API; the pages answer 404, as if there were none).
 */
@Service
class ProcedureSchedules {

    private static final Role[] READERS = {Role.HANDLER, Role.COORDINATOR, Role.ADMIN};
    private static final Role[] WRITERS = {Role.COORDINATOR, Role.ADMIN};

    private final IdentityManagement identity;
    private final ScheduleReading reading;
    private final ScheduleEditing editing;

    ProcedureSchedules(IdentityManagement identity, ScheduleReading reading, ScheduleEditing editing) {
        this.identity = identity;
        this.reading = reading;
        this.editing = editing;
    }

    /** Whether the signed-in user reads schedules. */
    boolean mayRead() {
        return identity.requireActor().hasAny(READERS);
    }

    /** Whether the signed-in user changes schedules. */
    boolean mayEdit() {
        return identity.requireActor().hasAny(WRITERS);
    }

    @Transactional(readOnly = true)
    Outcome<List<ScheduleView>> schedules() {
        return asReader(actor -> Outcome.done(reading.all()));
    }

    @Transactional(readOnly = true)
    Outcome<ScheduleView> schedule(ScheduleId id) {
        return asReader(actor -> reading.one(id));
    }

    @Transactional(readOnly = true)
    Outcome<ScheduleDraft> draft(ScheduleId id) {
        return asReader(actor -> reading.draft(id));
    }

    @Transactional(readOnly = true)
    Outcome<List<OccurrenceView>> occurrences(ScheduleId id) {
        return asReader(actor -> reading.occurrences(id));
    }

    /** The next occurrences of a draft (readers: a handler may try a rule before asking for a schedule). */
    @Transactional(readOnly = true)
    Outcome<SchedulePreview> preview(ScheduleDraft draft, int count) {
        return asReader(actor -> reading.preview(draft, count));
    }

    @Transactional(readOnly = true)
    Outcome<List<ProcedureTypeLookup.Type>> types() {
        return asReader(actor -> Outcome.done(reading.types()));
    }

    @Transactional
    Outcome<ScheduleView> add(ScheduleDraft draft) {
        return asWriter("add schedules", actor -> editing.add(draft));
    }

    @Transactional
    Outcome<ScheduleView> revise(ScheduleId id, ScheduleDraft draft, long version) {
        return asWriter("change schedules", actor -> editing.revise(id, draft, version));
    }

    @Transactional
    Outcome<ScheduleView> pause(ScheduleId id, long version) {
        return asWriter("pause schedules", actor -> editing.pause(id, version));
    }

    @Transactional
    Outcome<ScheduleView> resume(ScheduleId id, long version) {
        return asWriter("resume schedules", actor -> editing.resume(id, version));
    }

    @Transactional
    Outcome<ScheduleView> remove(ScheduleId id, long version) {
        return asWriter("remove schedules", actor -> editing.remove(id, version));
    }

    private <T> Outcome<T> asReader(Function<Actor, Outcome<T>> action) {
        return identity.requireAnyRole("read schedules", READERS).flatMap(action);
    }

    private <T> Outcome<T> asWriter(String what, Function<Actor, Outcome<T>> action) {
        return identity.requireAnyRole(what, WRITERS).flatMap(action);
    }
}
