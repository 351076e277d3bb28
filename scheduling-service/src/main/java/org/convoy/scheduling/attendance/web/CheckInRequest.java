package org.convoy.scheduling.attendance.web;

import jakarta.validation.constraints.Size;

/** What the desk read: the scanned QR code ({@code token}) or the typed short code ({@code code}), one of them. */
record CheckInRequest(@Size(max = 200) String token, @Size(max = 20) String code) {
}
