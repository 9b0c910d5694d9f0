import type { Segment } from '../merchants/merchant-categories.ts';
import { AREA_WEIGHTS, HOME_AREAS } from '../people/home-areas.ts';
import { pickFullName, pickSurname, type Sex } from '../people/korean-names.ts';
import type { Rng } from '../random/rng.ts';
import { dayFromCivil, ymdOf } from '../time/day-number.ts';
import type { Person } from './plan-types.ts';

/** Age range (만 나이 at the ledger's start) per segment. */
export const AGE_RANGE: Readonly<Record<Segment, readonly [number, number]>> = {
  thin: [19, 26],
  young: [24, 35],
  family: [33, 52],
  affluent: [38, 62],
  senior: [62, 80],
  indebted: [27, 55],
  selfEmployed: [35, 62],
  power: [30, 50],
};

export function makePerson(rng: Rng, segment: Segment, startDay: number): Person {
  const sex: Sex = rng.chance(0.5) ? 'M' : 'F';
  const [lo, hi] = AGE_RANGE[segment];
  const age = rng.between(lo, hi);
  const startYear = Math.floor(ymdOf(startDay) / 10_000);
  const birthYear = startYear - age - 1;
  const birthDay = dayFromCivil(birthYear, rng.between(1, 12), rng.between(1, 28));
  const surname = pickSurname(rng);
  const name = pickFullName(rng, sex, birthYear, surname);
  const homeArea = HOME_AREAS.indexOf(rng.weighted(HOME_AREAS, AREA_WEIGHTS));
  const workArea = rng.chance(0.6) ? homeArea : HOME_AREAS.indexOf(rng.weighted(HOME_AREAS, AREA_WEIGHTS));
  const married =
    segment === 'family' ||
    segment === 'affluent' ||
    segment === 'power' ||
    segment === 'senior' ||
    segment === 'selfEmployed'
      ? rng.chance(0.85)
      : segment === 'indebted'
        ? rng.chance(0.4)
        : false;
  const spouse = married ? pickFullName(rng, sex === 'M' ? 'F' : 'M', birthYear + rng.between(-3, 3)) : undefined;
  const children: string[] = [];
  if (married && age >= 30 && age < 70) {
    const n = rng.weighted([0, 1, 2, 3], [2, 4, 4, 1]);
    for (let i = 0; i < n; i++) {
      const childYear = Math.min(startYear - 1, birthYear + rng.between(28, 38));
      children.push(pickFullName(rng, rng.chance(0.5) ? 'M' : 'F', childYear, surname));
    }
  }
  const parent = pickFullName(rng, rng.chance(0.5) ? 'M' : 'F', birthYear - 28, surname);
  const friends: string[] = [];
  for (let i = 0; i < 6; i++)
    friends.push(pickFullName(rng, rng.chance(0.5) ? 'M' : 'F', birthYear + rng.between(-4, 4)));
  return { name, sex, birthDay, homeArea, workArea, ...(spouse ? { spouse } : {}), children, parent, friends };
}
