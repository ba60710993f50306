/** Dates as Vietnamese administrative documents write them, in Vietnam's time (UTC+7, no daylight saving). */
const vietnamOffsetMs = 7 * 3_600_000;

function parts(instant: number | Date) {
  const shifted = new Date((typeof instant === 'number' ? instant : instant.getTime()) + vietnamOffsetMs);
  const two = (value: number) => String(value).padStart(2, '0');
  return {
    day: two(shifted.getUTCDate()),
    month: two(shifted.getUTCMonth() + 1),
    year: String(shifted.getUTCFullYear()),
    time: `${two(shifted.getUTCHours())} giờ ${two(shifted.getUTCMinutes())} phút`,
    clock: `${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}`,
  };
}

/** "ngày 26 tháng 02 năm 2026", the way a form's date line reads. */
export function vietnameseDate(instant: number | Date): string {
  const { day, month, year } = parts(instant);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "17 giờ 00 phút, ngày 26 tháng 02 năm 2026": an appointment. */
export function vietnameseDateTime(instant: number | Date): string {
  return `${parts(instant).time}, ${vietnameseDate(instant)}`;
}

/** "26/02/2026 17:00": short form for messages. */
export function shortVietnameseDateTime(instant: number | Date): string {
  const { day, month, year, clock } = parts(instant);
  return `${day}/${month}/${year} ${clock}`;
}

/** "100.000 đồng". */
export function vietnameseAmount(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;
}
