package org.convoy.notification.notice.channel;

/**
 * What a notice says to one person, before any channel shapes it: its kind, which chooses the words
 * ({@code <kind>.email.subject}, {@code <kind>.email.body}, {@code <kind>.sms}, {@code <kind>.whatsapp} in the
 * person's language), the values they show, and what a letter carries besides.
 *
 * @param args     the values the words show, {@code {0}} onwards, already in the person's language
 * @param calendar an iCalendar invitation or cancellation, or {@code null}
 * @param meeting  the meeting shown as a card, or {@code null}
 * @param checkIn  the person's check-in pass for the meeting, or {@code null}
 */
public record Content(String kind, Object[] args, String calendar, MeetingCard meeting, CheckIn checkIn) {

    public Content(String kind, Object... args) {
        this(kind, args, null, null, null);
    }

    /** Where, when and with whom, as the person reads it (times in the meeting's zone, zone named). */
    public record MeetingCard(String host, String date, String time, String zone, String venue, String address) {
    }

    /**
     * @param pass what the QR code carries
     * @param code the short code a desk can type, {@code ABCD-EFGH}
     */
    public record CheckIn(String pass, String code) {
    }
}
