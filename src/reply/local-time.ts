/** "Sat, 29 Aug 2026, 08:00 EEST": a moment as the clock on a server's wall shows it. */
export function localTime(at: Date | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(at);
}
