/**
 * Where a customer lives and works. Chain merchants are visited mostly at branches of these areas, so a
 * person's card approvals cluster around home and office as real ones do. Branch names are fictional
 * suffixes ("강남역점"); any match with a real branch is incidental.
 */
export interface HomeArea {
  readonly name: string;
  /** Branch suffixes around the area. */
  readonly branches: readonly string[];
  /** ATM and bank branch label. */
  readonly atm: string;
  /** 관리비 payee name for apartment dwellers. */
  readonly apartment: string;
  readonly weight: number;
}

export const HOME_AREAS: readonly HomeArea[] = [
  {
    name: '서울 강남구',
    branches: ['강남역점', '역삼점', '선릉점', '삼성역점', '논현점', '신사점', '대치점', '도곡점'],
    atm: '강남역',
    apartment: '래미안대치아파트',
    weight: 6,
  },
  {
    name: '서울 서초구',
    branches: ['서초점', '교대역점', '방배점', '양재점', '반포점', '고속터미널점'],
    atm: '서초',
    apartment: '반포자이아파트',
    weight: 4,
  },
  {
    name: '서울 송파구',
    branches: ['잠실점', '송파점', '문정점', '가락점', '석촌호수점', '방이점'],
    atm: '잠실',
    apartment: '헬리오시티아파트',
    weight: 5,
  },
  {
    name: '서울 마포구',
    branches: ['홍대입구점', '합정점', '망원점', '공덕점', '상암점', '연남점'],
    atm: '홍대입구',
    apartment: '마포래미안푸르지오',
    weight: 5,
  },
  {
    name: '서울 영등포구',
    branches: ['여의도점', '영등포점', '당산점', '문래점', '신길점'],
    atm: '여의도',
    apartment: '당산삼성래미안',
    weight: 4,
  },
  {
    name: '서울 종로·중구',
    branches: ['광화문점', '종로3가점', '을지로점', '명동점', '시청점', '서울역점'],
    atm: '광화문',
    apartment: '경희궁자이아파트',
    weight: 4,
  },
  {
    name: '서울 노원구',
    branches: ['노원역점', '상계점', '중계점', '공릉점', '하계점'],
    atm: '노원역',
    apartment: '상계주공아파트',
    weight: 4,
  },
  {
    name: '서울 관악구',
    branches: ['서울대입구점', '신림점', '봉천점', '낙성대점'],
    atm: '신림',
    apartment: '관악드림타운',
    weight: 4,
  },
  {
    name: '서울 강서구',
    branches: ['마곡점', '발산점', '화곡점', '등촌점', '가양점'],
    atm: '마곡',
    apartment: '마곡엠밸리아파트',
    weight: 4,
  },
  {
    name: '경기 성남시',
    branches: ['판교점', '서현점', '정자점', '야탑점', '미금점', '수내점'],
    atm: '판교',
    apartment: '판교푸르지오그랑블',
    weight: 5,
  },
  {
    name: '경기 수원시',
    branches: ['수원역점', '인계점', '광교점', '영통점', '권선점'],
    atm: '수원역',
    apartment: '광교자연앤힐스테이트',
    weight: 5,
  },
  {
    name: '경기 고양시',
    branches: ['일산점', '화정점', '킨텍스점', '주엽점', '삼송점'],
    atm: '일산',
    apartment: '일산호수마을아파트',
    weight: 4,
  },
  {
    name: '경기 용인시',
    branches: ['수지점', '죽전점', '기흥점', '동백점'],
    atm: '죽전',
    apartment: '수지신정마을아파트',
    weight: 4,
  },
  {
    name: '경기 화성시',
    branches: ['동탄점', '동탄역점', '병점점', '봉담점'],
    atm: '동탄',
    apartment: '동탄역시범더샵',
    weight: 3,
  },
  {
    name: '인천',
    branches: ['부평점', '송도점', '구월점', '청라점', '주안점'],
    atm: '부평',
    apartment: '송도더샵퍼스트파크',
    weight: 5,
  },
  {
    name: '부산',
    branches: ['서면점', '해운대점', '센텀점', '광안리점', '동래점', '부산대점'],
    atm: '서면',
    apartment: '해운대아이파크',
    weight: 6,
  },
  {
    name: '대구',
    branches: ['동성로점', '수성점', '범어점', '칠곡점'],
    atm: '동성로',
    apartment: '범어롯데캐슬',
    weight: 4,
  },
  {
    name: '대전',
    branches: ['둔산점', '유성점', '대전역점', '노은점'],
    atm: '둔산',
    apartment: '둔산크로바아파트',
    weight: 3,
  },
  {
    name: '광주',
    branches: ['상무점', '충장로점', '수완점', '첨단점'],
    atm: '상무',
    apartment: '수완대방노블랜드',
    weight: 3,
  },
  { name: '울산', branches: ['삼산점', '성남동점', '무거점'], atm: '삼산', apartment: '문수로아이파크', weight: 2 },
  { name: '세종', branches: ['나성점', '도담점', '조치원점'], atm: '나성', apartment: '세종새뜸마을아파트', weight: 1 },
  {
    name: '제주',
    branches: ['제주시청점', '노형점', '서귀포점', '연동점'],
    atm: '제주시청',
    apartment: '제주노형아이파크',
    weight: 1,
  },
  {
    name: '경남 창원시',
    branches: ['상남점', '중앙점', '용호점'],
    atm: '상남',
    apartment: '창원용지더샵레이크파크',
    weight: 2,
  },
  {
    name: '충북 청주시',
    branches: ['성안길점', '복대점', '율량점'],
    atm: '성안길',
    apartment: '청주지웰시티',
    weight: 2,
  },
];

export const AREA_WEIGHTS = HOME_AREAS.map((a) => a.weight);

/** Every branch suffix of every area, in one list: a branch is its index here. */
export const ALL_BRANCHES: readonly string[] = HOME_AREAS.flatMap((a) => a.branches);

/** The first index in ALL_BRANCHES of each area's branches. */
export const AREA_BRANCH_OFFSET: readonly number[] = (() => {
  const out: number[] = [];
  let at = 0;
  for (const a of HOME_AREAS) {
    out.push(at);
    at += a.branches.length;
  }
  return out;
})();
