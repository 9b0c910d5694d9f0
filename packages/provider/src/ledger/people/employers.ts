/**
 * Fictional employers (급여 payers) and landlords' payees. Names are invented; any match with a real
 * company is unintended.
 */
export const EMPLOYERS: readonly string[] = [
  '(주)한빛테크',
  '(주)가온소프트',
  '(주)미래물산',
  '(주)새한정밀',
  '(주)다온푸드',
  '(주)누리로지스',
  '(주)청운건설',
  '(주)아람디자인',
  '(주)솔빛제약',
  '(주)하늘엔지니어링',
  '(주)온새미로',
  '(주)바른회계법인',
  '(주)초록유통',
  '(주)별하전자',
  '(주)라온시스템',
  '(주)도담교육',
  '(주)세움산업',
  '(주)늘봄헬스케어',
  '(주)모아커머스',
  '(주)한결물류',
  '(재)한울연구원',
  '(주)가람반도체',
  '(주)다솜화장품',
  '(주)해들에너지',
  '서울특별시교육청',
  '경기도청',
  '국민건강보험공단',
  '(주)은하모빌리티',
  '(주)빛나리게임즈',
  '(주)우리네식품',
];

/** Part-time workplaces for young customers (알바). */
export const PART_TIME_EMPLOYERS: readonly string[] = [
  'GS25 알바 급여',
  'CU 점포 급여',
  '스타벅스 파트너 급여',
  '맥도날드 크루 급여',
  '올리브영 급여',
  '쿠팡물류센터',
  '배민커넥트 정산',
  '학원 조교 급여',
  '과외비',
];

/** Public pension payers for seniors. */
export const PENSION_PAYERS: readonly string[] = ['국민연금공단', '공무원연금공단', '사학연금공단'];
