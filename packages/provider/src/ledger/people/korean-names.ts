import type { Rng } from '../random/rng.ts';

/** Surnames with rough population shares (통계청 2015 census order), compound surnames included. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['김', 215], ['이', 147], ['박', 84], ['최', 47], ['정', 43], ['강', 24], ['조', 21], ['윤', 21], ['장', 20],
  ['임', 17], ['한', 15], ['오', 15], ['서', 15], ['신', 14], ['권', 14], ['황', 14], ['안', 14], ['송', 13],
  ['전', 12], ['홍', 11], ['유', 11], ['고', 9], ['문', 9], ['양', 9], ['손', 9], ['배', 8], ['백', 8], ['허', 7],
  ['남', 5], ['심', 5], ['노', 5], ['하', 5], ['곽', 4], ['성', 4], ['차', 4], ['주', 4], ['우', 4], ['구', 4],
  ['민', 3], ['류', 3], ['나', 3], ['진', 3], ['지', 3], ['엄', 3], ['채', 2], ['원', 2], ['천', 2], ['방', 2],
  ['공', 2], ['현', 2], ['함', 2], ['변', 2], ['염', 2], ['여', 1], ['추', 1], ['도', 1], ['소', 1], ['석', 1],
  ['선', 1], ['설', 1], ['마', 1], ['길', 1], ['연', 1], ['위', 1], ['표', 1], ['명', 1], ['기', 1], ['반', 1],
  ['왕', 1], ['금', 1], ['옥', 1], ['육', 1], ['인', 1], ['맹', 1], ['제', 1], ['모', 1], ['탁', 1], ['국', 1],
  ['남궁', 1], ['황보', 1], ['제갈', 1], ['선우', 1], ['독고', 1],
];
const SURNAME_VALUES = SURNAMES.map(([s]) => s);
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);

/** Given names by generation (decade of birth) and sex, as they were popular then. */
const GIVEN: Record<'old' | 'middle' | 'young' | 'child', { M: readonly string[]; F: readonly string[] }> = {
  old: {
    M: ['영수', '영호', '영철', '정수', '정호', '상철', '성수', '광수', '종수', '용수', '병철', '순철', '재만', '기순', '만수', '동수', '춘식', '판석', '태식', '경호'],
    F: ['영자', '순자', '정숙', '영숙', '명숙', '경자', '정희', '순희', '영희', '춘자', '옥순', '말순', '정자', '미자', '경숙', '숙자', '복순', '영순', '금순', '정순'],
  },
  middle: {
    M: ['성호', '정훈', '상현', '동현', '성민', '준호', '민수', '지훈', '성진', '재훈', '영진', '현우', '승현', '대현', '진호', '상훈', '기현', '준영', '태호', '석진', '종민', '병훈', '재석', '형준'],
    F: ['지영', '은영', '미영', '수진', '현정', '은정', '미경', '선영', '혜진', '지혜', '은주', '미정', '정은', '혜영', '소영', '윤정', '경아', '주연', '나영', '지은', '수경', '희정', '유진', '민정'],
  },
  young: {
    M: ['민준', '현우', '지훈', '준혁', '도현', '건우', '우진', '승민', '민재', '성민', '준서', '재현', '태윤', '지환', '동건', '한결', '시우', '예준', '정우', '서진', '상우', '영훈', '지성', '규민'],
    F: ['서연', '민지', '수빈', '지민', '예은', '유진', '지원', '하은', '서현', '채원', '다은', '수민', '예린', '가은', '소연', '지현', '하늘', '은비', '나연', '혜원', '보람', '아름', '다인', '세영'],
  },
  child: {
    M: ['도윤', '서준', '하준', '시우', '은우', '지호', '이안', '선우', '유준', '로운', '이준', '지안', '도하', '수호', '주원', '태오'],
    F: ['서아', '하윤', '지아', '이서', '아린', '하린', '유나', '시아', '채아', '지유', '수아', '윤슬', '나은', '다온', '라희', '소율'],
  },
};

export type Sex = 'M' | 'F';

export function pickSurname(rng: Rng): string {
  return rng.weighted(SURNAME_VALUES, SURNAME_WEIGHTS);
}

export function pickGivenName(rng: Rng, sex: Sex, birthYear: number): string {
  const era = birthYear < 1962 ? 'old' : birthYear < 1982 ? 'middle' : birthYear < 2008 ? 'young' : 'child';
  return rng.pick(GIVEN[era][sex]);
}

export function pickFullName(rng: Rng, sex: Sex, birthYear: number, surname?: string): string {
  return (surname ?? pickSurname(rng)) + pickGivenName(rng, sex, birthYear);
}

/** 홍길동 → 홍*동, 남궁민수 → 남궁*수 (how banks show a counterparty's name). */
export function maskName(name: string): string {
  if (name.length <= 2) return `${name.slice(0, 1)}*`;
  return `${name.slice(0, name.length - 2)}*${name.slice(-1)}`;
}
