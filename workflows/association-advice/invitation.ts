import ical, { ICalCalendarMethod } from 'ical-generator';
import { eventSummary, type InvitationFacts } from './texts';

// The appointment as a calendar entry (RFC 5545), attached to the invitation. PUBLISH: the
// organisation adds it to its calendar; it answers by mail, not by a calendar reply. Times in
// UTC, which every calendar shows in its own zone. The same UID for a resent invitation.

export function invitationCalendar(v: InvitationFacts & { uid: string; sentAt: Date }): Buffer {
  const calendar = ical({ method: ICalCalendarMethod.PUBLISH, prodId: { company: 'Stadt Köln', product: 'Amtsflow', language: 'DE' } });
  calendar.createEvent({
    id: v.uid,
    stamp: v.sentAt,
    start: v.startsAt,
    end: v.endsAt,
    summary: eventSummary(v.organisationName),
    location: v.place,
    description: v.message ?? undefined,
  });
  return Buffer.from(calendar.toString(), 'utf8');
}
