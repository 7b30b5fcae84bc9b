"""Month and weekday names, spelled once for every check that must recognise them.

Why: calendar words are capitalised but name no person, place or brand ("August Dubai was
discussed", "since DecemberSri Lanka"), and date checks match them; three checks had their own
copies of the same lists.
"""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Months and weekdays, capitalised as written in running text.
CALENDAR_WORDS = frozenset(MONTHS + WEEKDAYS)
