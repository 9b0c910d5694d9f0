import { CATEGORY_INDEX } from './merchant-categories.ts';

/**
 * A curated dictionary of Korean merchants and brands where people spend: the names are the brands as
 * card statements show them; a chain's purchases carry a fictional branch suffix ("스타벅스 강남역점").
 * Business numbers (merchant_regno) are derived (business-number.ts), not the brands' real ones.
 * Independent shops (clinics, restaurants) have invented names.
 */
export interface Merchant {
  readonly name: string;
  /** Index into CATEGORIES. */
  readonly category: number;
  /** Typical amount range in KRW: minimum, median, maximum. */
  readonly amount: readonly [number, number, number];
  /** Rounding unit of amounts (10 for convenience stores, 100 or 1000 elsewhere). */
  readonly unit: number;
  /** How the statement names a purchase: brand + branch, a fuel station, or the name alone. */
  readonly style: 'branch' | 'fuel' | 'plain';
  /** Franchise branches have their own (individual) business numbers; direct chains one per branch (85). */
  readonly franchise: boolean;
  /** Can be paid through 간편결제 (online shops, delivery, tickets). */
  readonly online: boolean;
  /** Popularity within its category. */
  readonly pop: number;
}

interface Opts {
  unit?: number;
  style?: Merchant['style'];
  franchise?: boolean;
  online?: boolean;
  pop?: number;
}

function m(name: string, category: string, min: number, median: number, max: number, opts: Opts = {}): Merchant {
  const cat = CATEGORY_INDEX.get(category);
  if (cat === undefined) throw new Error(`unknown category ${category}`);
  return {
    name,
    category: cat,
    amount: [min, median, max],
    unit: opts.unit ?? 100,
    style: opts.style ?? 'plain',
    franchise: opts.franchise ?? false,
    online: opts.online ?? false,
    pop: opts.pop ?? 1,
  };
}

const chain = (o: Opts = {}): Opts => ({ style: 'branch', ...o });
const franchise = (o: Opts = {}): Opts => ({ style: 'branch', franchise: true, ...o });
const web = (o: Opts = {}): Opts => ({ online: true, ...o });

export const MERCHANTS: readonly Merchant[] = [
  // 카페
  m('스타벅스', 'cafe', 4500, 6300, 32000, chain({ pop: 6 })),
  m('투썸플레이스', 'cafe', 4500, 7800, 42000, franchise({ pop: 3 })),
  m('이디야커피', 'cafe', 2500, 4800, 18000, franchise({ pop: 3 })),
  m('메가MGC커피', 'cafe', 1500, 3500, 14000, franchise({ pop: 5 })),
  m('컴포즈커피', 'cafe', 1500, 3000, 12000, franchise({ pop: 4 })),
  m('빽다방', 'cafe', 1500, 3500, 12000, franchise({ pop: 3 })),
  m('할리스', 'cafe', 4000, 6000, 25000, franchise({ pop: 2 })),
  m('폴바셋', 'cafe', 5000, 7500, 28000, chain({ pop: 1.5 })),
  m('커피빈', 'cafe', 5000, 6800, 25000, chain({ pop: 1 })),
  m('파스쿠찌', 'cafe', 4500, 6500, 22000, franchise({ pop: 1 })),
  m('블루보틀', 'cafe', 5500, 8000, 30000, chain({ pop: 0.5 })),
  m('공차', 'cafe', 3500, 6000, 18000, franchise({ pop: 1.5 })),
  m('배스킨라빈스', 'cafe', 3900, 12000, 34000, franchise({ pop: 2 })),
  m('설빙', 'cafe', 7000, 13000, 28000, franchise({ pop: 1 })),
  // 편의점
  m('GS25', 'convenience', 900, 4800, 32000, franchise({ unit: 10, pop: 6 })),
  m('CU', 'convenience', 900, 4600, 30000, franchise({ unit: 10, pop: 6 })),
  m('세븐일레븐', 'convenience', 900, 4500, 28000, franchise({ unit: 10, pop: 3 })),
  m('이마트24', 'convenience', 900, 4300, 25000, franchise({ unit: 10, pop: 2 })),
  // 대형마트
  m('이마트', 'mart', 5000, 68000, 380000, chain({ unit: 10, pop: 5 })),
  m('홈플러스', 'mart', 5000, 62000, 350000, chain({ unit: 10, pop: 4 })),
  m('롯데마트', 'mart', 5000, 58000, 320000, chain({ unit: 10, pop: 3 })),
  m('코스트코', 'mart', 20000, 165000, 780000, chain({ unit: 10, pop: 2 })),
  m('이마트 트레이더스', 'mart', 15000, 124000, 520000, chain({ unit: 10, pop: 2 })),
  // 식품·슈퍼
  m('GS더프레시', 'grocery', 2000, 18000, 120000, franchise({ unit: 10, pop: 3 })),
  m('롯데슈퍼', 'grocery', 2000, 16000, 110000, chain({ unit: 10, pop: 2 })),
  m('노브랜드', 'grocery', 2000, 21000, 95000, chain({ unit: 10, pop: 2 })),
  m('이마트에브리데이', 'grocery', 2000, 17000, 98000, chain({ unit: 10, pop: 2 })),
  m('하나로마트', 'grocery', 2000, 32000, 180000, chain({ unit: 10, pop: 3 })),
  m('농협하나로 로컬푸드', 'grocery', 3000, 24000, 80000, chain({ unit: 10, pop: 1 })),
  m('동네정육점', 'grocery', 12000, 38000, 150000, { pop: 1 }),
  m('싱싱청과', 'grocery', 5000, 18000, 60000, { pop: 1 }),
  m('전통시장 반찬가게', 'grocery', 5000, 15000, 50000, { pop: 1 }),
  // 백화점
  m('롯데백화점', 'department', 15000, 128000, 1800000, chain({ unit: 1000, pop: 3 })),
  m('신세계백화점', 'department', 15000, 145000, 2200000, chain({ unit: 1000, pop: 3 })),
  m('현대백화점', 'department', 15000, 139000, 2000000, chain({ unit: 1000, pop: 3 })),
  m('갤러리아백화점', 'department', 20000, 198000, 3000000, chain({ unit: 1000, pop: 1 })),
  m('롯데아울렛', 'department', 15000, 89000, 680000, chain({ unit: 1000, pop: 1.5 })),
  m('신세계사이먼 프리미엄아울렛', 'department', 20000, 119000, 900000, { unit: 1000, pop: 1 }),
  // 온라인쇼핑
  m('쿠팡', 'online', 3000, 27800, 480000, web({ unit: 10, pop: 10 })),
  m('11번가', 'online', 3000, 24500, 420000, web({ unit: 10, pop: 2 })),
  m('G마켓', 'online', 3000, 26400, 450000, web({ unit: 10, pop: 3 })),
  m('옥션', 'online', 3000, 23000, 380000, web({ unit: 10, pop: 1.5 })),
  m('SSG.COM', 'online', 5000, 48000, 400000, web({ unit: 10, pop: 2 })),
  m('컬리', 'online', 8000, 46000, 250000, web({ unit: 10, pop: 3 })),
  m('무신사', 'online', 15000, 69000, 450000, web({ unit: 10, pop: 3 })),
  m('29CM', 'online', 15000, 72000, 500000, web({ unit: 10, pop: 1 })),
  m('오늘의집', 'online', 8000, 52000, 1200000, web({ unit: 10, pop: 2 })),
  m('지그재그', 'online', 10000, 39000, 200000, web({ unit: 10, pop: 1.5 })),
  m('에이블리', 'online', 10000, 33000, 180000, web({ unit: 10, pop: 1.5 })),
  m('네이버 스마트스토어', 'online', 3000, 31000, 600000, web({ unit: 10, pop: 5 })),
  m('인터파크쇼핑', 'online', 5000, 35000, 400000, web({ unit: 10, pop: 1 })),
  m('롯데ON', 'online', 5000, 38000, 420000, web({ unit: 10, pop: 1 })),
  m('알리익스프레스', 'online', 2000, 15800, 160000, web({ unit: 10, pop: 2 })),
  m('테무', 'online', 2000, 14200, 120000, web({ unit: 10, pop: 1.5 })),
  m('마켓컬리 뷰티컬리', 'online', 10000, 38000, 180000, web({ unit: 10, pop: 0.5 })),
  m('당근페이 거래', 'online', 5000, 25000, 300000, web({ unit: 1000, pop: 1 })),
  // 배달
  m('배달의민족', 'delivery', 9000, 24500, 78000, web({ pop: 8 })),
  m('요기요', 'delivery', 9000, 23800, 70000, web({ pop: 2 })),
  m('쿠팡이츠', 'delivery', 9000, 22900, 68000, web({ pop: 4 })),
  m('땡겨요', 'delivery', 9000, 21000, 60000, web({ pop: 0.5 })),
  // 음식점
  m('김밥천국', 'restaurant', 3500, 9000, 32000, franchise({ pop: 3 })),
  m('본죽', 'restaurant', 9000, 13000, 45000, franchise({ pop: 1.5 })),
  m('교촌치킨', 'restaurant', 18000, 24000, 62000, franchise({ pop: 2 })),
  m('BBQ치킨', 'restaurant', 18000, 24000, 60000, franchise({ pop: 2 })),
  m('bhc치킨', 'restaurant', 18000, 23000, 58000, franchise({ pop: 2 })),
  m('굽네치킨', 'restaurant', 17000, 21000, 52000, franchise({ pop: 1 })),
  m('도미노피자', 'restaurant', 18000, 29000, 62000, franchise({ pop: 1.5 })),
  m('피자헛', 'restaurant', 16000, 26000, 58000, franchise({ pop: 1 })),
  m('맥도날드', 'restaurant', 3000, 8900, 32000, chain({ pop: 4 })),
  m('버거킹', 'restaurant', 3000, 9800, 35000, chain({ pop: 3 })),
  m('롯데리아', 'restaurant', 3000, 8200, 28000, franchise({ pop: 2 })),
  m('KFC', 'restaurant', 3000, 9500, 30000, chain({ pop: 1 })),
  m('맘스터치', 'restaurant', 3000, 8500, 28000, franchise({ pop: 2 })),
  m('서브웨이', 'restaurant', 5500, 9800, 28000, franchise({ pop: 1.5 })),
  m('새마을식당', 'restaurant', 9000, 38000, 120000, franchise({ pop: 1 })),
  m('한솥도시락', 'restaurant', 3500, 6500, 22000, franchise({ pop: 1.5 })),
  m('이삭토스트', 'restaurant', 2500, 4500, 15000, franchise({ pop: 1.5 })),
  m('아웃백스테이크하우스', 'restaurant', 25000, 89000, 260000, chain({ pop: 1 })),
  m('빕스', 'restaurant', 25000, 78000, 220000, chain({ pop: 1 })),
  m('애슐리퀸즈', 'restaurant', 18000, 56000, 160000, chain({ pop: 1 })),
  m('역전우동', 'restaurant', 4500, 9000, 28000, franchise({ pop: 1 })),
  m('홍콩반점0410', 'restaurant', 6000, 15000, 45000, franchise({ pop: 1.5 })),
  m('본가', 'restaurant', 12000, 45000, 150000, franchise({ pop: 1 })),
  m('신전떡볶이', 'restaurant', 4000, 12000, 30000, franchise({ pop: 1 })),
  m('명륜진사갈비', 'restaurant', 19000, 62000, 160000, franchise({ pop: 1 })),
  m('봉구스밥버거', 'restaurant', 3500, 6500, 20000, franchise({ pop: 0.5 })),
  m('고향집 순대국', 'restaurant', 9000, 20000, 60000, { pop: 2 }),
  m('장원 한정식', 'restaurant', 20000, 85000, 300000, { pop: 0.5 }),
  m('은행나무 칼국수', 'restaurant', 9000, 18000, 50000, { pop: 1.5 }),
  m('행복한 백반집', 'restaurant', 8000, 16000, 48000, { pop: 2 }),
  m('오늘은 삼겹살', 'restaurant', 15000, 52000, 140000, { pop: 1.5 }),
  m('바다횟집', 'restaurant', 30000, 85000, 250000, { pop: 0.5 }),
  m('스시로 오마카세', 'restaurant', 35000, 120000, 400000, { pop: 0.3 }),
  m('동네포차', 'restaurant', 15000, 48000, 150000, { pop: 1.5 }),
  // 베이커리
  m('파리바게뜨', 'bakery', 2000, 11500, 48000, franchise({ pop: 5 })),
  m('뚜레쥬르', 'bakery', 2000, 10800, 45000, franchise({ pop: 3 })),
  m('던킨', 'bakery', 1500, 7800, 26000, franchise({ pop: 1 })),
  m('크리스피크림도넛', 'bakery', 2000, 9800, 30000, chain({ pop: 1 })),
  m('동네빵집 밀밭', 'bakery', 3000, 12000, 35000, { pop: 1 }),
  // 교통
  m('카카오T 택시', 'transport', 4800, 12800, 68000, web({ pop: 6 })),
  m('우티', 'transport', 4800, 13500, 62000, web({ pop: 1 })),
  m('티머니 교통', 'transport', 1400, 1500, 3200, { pop: 5 }),
  m('코레일', 'transport', 8000, 42000, 130000, web({ pop: 2 })),
  m('SRT', 'transport', 10000, 48000, 120000, web({ pop: 1 })),
  m('티머니GO 고속버스', 'transport', 8000, 23000, 60000, web({ pop: 1 })),
  m('대한항공', 'transport', 60000, 180000, 1400000, web({ unit: 1000, pop: 0.5 })),
  m('아시아나항공', 'transport', 60000, 170000, 1300000, web({ unit: 1000, pop: 0.4 })),
  m('제주항공', 'transport', 30000, 89000, 420000, web({ unit: 1000, pop: 0.5 })),
  m('진에어', 'transport', 30000, 85000, 380000, web({ unit: 1000, pop: 0.3 })),
  m('티웨이항공', 'transport', 30000, 79000, 350000, web({ unit: 1000, pop: 0.3 })),
  m('쏘카', 'transport', 15000, 48000, 180000, web({ pop: 0.5 })),
  m('하이파킹', 'transport', 2000, 6000, 30000, chain({ pop: 1 })),
  // 주유
  m('SK에너지', 'fuel', 20000, 62000, 130000, { style: 'fuel', franchise: true, unit: 1, pop: 3 }),
  m('GS칼텍스', 'fuel', 20000, 60000, 130000, { style: 'fuel', franchise: true, unit: 1, pop: 3 }),
  m('S-OIL', 'fuel', 20000, 58000, 120000, { style: 'fuel', franchise: true, unit: 1, pop: 2 }),
  m('HD현대오일뱅크', 'fuel', 20000, 58000, 120000, { style: 'fuel', franchise: true, unit: 1, pop: 2 }),
  m('알뜰주유소', 'fuel', 20000, 55000, 110000, { style: 'fuel', franchise: true, unit: 1, pop: 1 }),
  // 병원
  m('서울연세내과의원', 'medical', 4000, 9800, 85000, { pop: 2 }),
  m('미소치과의원', 'medical', 5000, 38000, 1500000, { pop: 1 }),
  m('바른정형외과의원', 'medical', 5000, 18000, 250000, { pop: 1.5 }),
  m('맑은이비인후과의원', 'medical', 4000, 8500, 45000, { pop: 1.5 }),
  m('튼튼소아청소년과의원', 'medical', 3000, 6500, 30000, { pop: 1 }),
  m('밝은눈안과의원', 'medical', 5000, 18000, 300000, { pop: 0.7 }),
  m('자연한의원', 'medical', 6000, 25000, 400000, { pop: 0.7 }),
  m('고운피부과의원', 'medical', 10000, 65000, 500000, { pop: 0.7 }),
  m('365열린의원', 'medical', 4000, 9000, 60000, { pop: 1 }),
  m('한마음병원', 'medical', 10000, 48000, 800000, { pop: 0.5 }),
  m('든든동물병원', 'pet', 10000, 55000, 600000, { pop: 1 }),
  // 약국
  m('온누리약국', 'pharmacy', 2000, 8500, 60000, chain({ franchise: true, pop: 3 })),
  m('건강한약국', 'pharmacy', 2000, 7800, 45000, { pop: 2 }),
  m('365메디칼약국', 'pharmacy', 2000, 9500, 55000, { pop: 1 }),
  // 뷰티
  m('올리브영', 'beauty', 3000, 24000, 150000, chain({ pop: 6 })),
  m('아리따움', 'beauty', 5000, 28000, 150000, franchise({ pop: 1 })),
  m('이니스프리', 'beauty', 5000, 22000, 120000, chain({ pop: 1 })),
  m('시코르', 'beauty', 10000, 52000, 250000, chain({ pop: 0.5 })),
  m('준오헤어', 'service', 15000, 48000, 250000, chain({ pop: 1.5 })),
  m('박승철헤어스투디오', 'service', 12000, 38000, 200000, franchise({ pop: 1 })),
  m('블루클럽', 'service', 8000, 12000, 20000, franchise({ pop: 1 })),
  m('네일아트 살롱', 'service', 30000, 55000, 120000, { pop: 0.7 }),
  m('크린토피아', 'service', 3000, 12000, 60000, franchise({ pop: 1.5 })),
  m('세탁특공대', 'service', 8000, 23000, 90000, web({ pop: 0.8 })),
  m('코인세탁 워시존', 'service', 4000, 8000, 16000, { pop: 0.7 }),
  // 생활용품
  m('다이소', 'living', 1000, 8000, 50000, chain({ pop: 7 })),
  m('모던하우스', 'living', 5000, 28000, 200000, chain({ pop: 1 })),
  m('이케아', 'living', 10000, 89000, 1500000, chain({ unit: 10, pop: 1 })),
  m('무인양품', 'living', 5000, 35000, 250000, chain({ pop: 0.8 })),
  m('한샘', 'living', 50000, 380000, 4500000, chain({ unit: 1000, pop: 0.3 })),
  m('자주', 'living', 5000, 29000, 180000, chain({ pop: 0.8 })),
  m('홈앤쇼핑 생활', 'living', 10000, 45000, 300000, web({ pop: 0.5 })),
  // 도서·문구
  m('교보문고', 'books', 5000, 19800, 120000, chain({ pop: 3 })),
  m('영풍문고', 'books', 5000, 18000, 100000, chain({ pop: 1.5 })),
  m('알라딘', 'books', 8000, 22500, 150000, web({ unit: 10, pop: 2 })),
  m('YES24', 'books', 8000, 21800, 150000, web({ unit: 10, pop: 2 })),
  m('모닝글로리', 'books', 1000, 6500, 40000, franchise({ pop: 1 })),
  m('아트박스', 'books', 1000, 9500, 50000, franchise({ pop: 1 })),
  // 영화·공연
  m('CGV', 'culture', 9000, 28000, 80000, chain({ pop: 4 })),
  m('메가박스', 'culture', 9000, 26000, 70000, chain({ pop: 3 })),
  m('롯데시네마', 'culture', 9000, 26000, 70000, chain({ pop: 3 })),
  m('인터파크티켓', 'culture', 30000, 132000, 500000, web({ unit: 1000, pop: 1 })),
  m('예스24티켓', 'culture', 30000, 110000, 400000, web({ unit: 1000, pop: 0.5 })),
  m('코엑스 아쿠아리움', 'culture', 20000, 58000, 150000, { pop: 0.3 }),
  m('롯데월드', 'culture', 35000, 120000, 300000, { pop: 0.4 }),
  m('에버랜드', 'culture', 35000, 125000, 320000, { pop: 0.4 }),
  // 디지털콘텐츠
  m('넷플릭스', 'digital', 5500, 13500, 17000, web({ pop: 3 })),
  m('티빙', 'digital', 5500, 10900, 17000, web({ pop: 1.5 })),
  m('웨이브', 'digital', 7900, 10900, 13900, web({ pop: 1 })),
  m('쿠팡플레이', 'digital', 7890, 7890, 7890, web({ unit: 10, pop: 1 })),
  m('멜론', 'digital', 7900, 10900, 13700, web({ pop: 1.5 })),
  m('스포티파이', 'digital', 10900, 10900, 16350, web({ unit: 10, pop: 0.8 })),
  m('구글플레이', 'digital', 1000, 12000, 120000, web({ pop: 2 })),
  m('애플 앱스토어', 'digital', 1000, 9900, 99000, web({ pop: 2 })),
  m('밀리의서재', 'digital', 9900, 9900, 9900, web({ pop: 0.5 })),
  m('넥슨', 'digital', 5000, 33000, 300000, web({ pop: 1 })),
  m('네이버웹툰', 'digital', 1000, 5000, 30000, web({ pop: 1 })),
  // 교육
  m('해커스어학원', 'education', 50000, 320000, 900000, chain({ unit: 1000, pop: 1 })),
  m('메가스터디', 'education', 50000, 280000, 1200000, web({ unit: 1000, pop: 1 })),
  m('클래스101', 'education', 20000, 98000, 400000, web({ unit: 1000, pop: 1 })),
  m('윤선생', 'education', 80000, 160000, 300000, { unit: 1000, pop: 0.8 }),
  m('눈높이', 'education', 40000, 90000, 200000, { unit: 1000, pop: 0.8 }),
  m('튼튼영어', 'education', 60000, 150000, 300000, { unit: 1000, pop: 0.6 }),
  m('키즈 수영장', 'education', 80000, 150000, 250000, { unit: 1000, pop: 0.6 }),
  m('태권도장', 'education', 120000, 160000, 200000, { unit: 10000, pop: 0.6 }),
  m('피아노학원', 'education', 120000, 170000, 220000, { unit: 10000, pop: 0.6 }),
  // 패션의류
  m('유니클로', 'fashion', 9900, 49800, 300000, chain({ pop: 3 })),
  m('자라', 'fashion', 19900, 79000, 450000, chain({ pop: 2 })),
  m('H&M', 'fashion', 9900, 45000, 250000, chain({ pop: 1.5 })),
  m('탑텐', 'fashion', 9900, 39900, 200000, chain({ pop: 2 })),
  m('스파오', 'fashion', 9900, 39900, 200000, chain({ pop: 1.5 })),
  m('나이키', 'fashion', 29000, 129000, 450000, chain({ pop: 2 })),
  m('아디다스', 'fashion', 29000, 109000, 400000, chain({ pop: 1.5 })),
  m('뉴발란스', 'fashion', 39000, 139000, 350000, chain({ pop: 1 })),
  m('ABC마트', 'fashion', 29000, 89000, 300000, chain({ pop: 1.5 })),
  m('무인양품 의류', 'fashion', 15000, 49000, 200000, chain({ pop: 0.5 })),
  m('노스페이스', 'fashion', 39000, 189000, 700000, chain({ unit: 1000, pop: 1 })),
  // 디지털가전
  m('롯데하이마트', 'electronics', 20000, 280000, 3500000, chain({ unit: 1000, pop: 3 })),
  m('전자랜드', 'electronics', 20000, 250000, 3000000, chain({ unit: 1000, pop: 1.5 })),
  m('삼성스토어', 'electronics', 30000, 420000, 4000000, chain({ unit: 1000, pop: 2 })),
  m('LG베스트샵', 'electronics', 30000, 450000, 4500000, chain({ unit: 1000, pop: 1.5 })),
  m('애플스토어', 'electronics', 39000, 690000, 3500000, chain({ unit: 1000, pop: 1 })),
  m('다나와 컴퓨터', 'electronics', 30000, 350000, 2500000, web({ unit: 1000, pop: 0.8 })),
  // 여행숙박
  m('야놀자', 'travel', 40000, 128000, 600000, web({ unit: 1000, pop: 3 })),
  m('여기어때', 'travel', 40000, 118000, 550000, web({ unit: 1000, pop: 2 })),
  m('인터파크투어', 'travel', 80000, 380000, 3000000, web({ unit: 1000, pop: 1 })),
  m('하나투어', 'travel', 200000, 1280000, 6000000, web({ unit: 1000, pop: 0.6 })),
  m('모두투어', 'travel', 200000, 1150000, 5000000, web({ unit: 1000, pop: 0.4 })),
  m('신라스테이', 'travel', 80000, 139000, 400000, chain({ unit: 1000, pop: 0.5 })),
  m('롯데호텔', 'travel', 150000, 320000, 1200000, chain({ unit: 1000, pop: 0.4 })),
  m('한화리조트', 'travel', 90000, 210000, 700000, chain({ unit: 1000, pop: 0.4 })),
  // 스포츠·레저
  m('골프존 스크린골프', 'leisure', 20000, 45000, 120000, franchise({ pop: 2 })),
  m('스포애니 헬스', 'leisure', 50000, 99000, 600000, chain({ unit: 1000, pop: 1.5 })),
  m('필라테스 스튜디오', 'leisure', 80000, 180000, 1200000, { unit: 1000, pop: 1 }),
  m('클라이밍 파크', 'leisure', 18000, 25000, 180000, { unit: 1000, pop: 0.5 }),
  m('데카트론', 'leisure', 9000, 45000, 400000, chain({ pop: 0.8 })),
  m('볼링장 스트라이크', 'leisure', 10000, 24000, 60000, { pop: 0.5 }),
  m('컨트리클럽 그린피', 'leisure', 120000, 220000, 450000, { unit: 1000, pop: 0.6 }),
  // 자동차
  m('스피드메이트', 'car', 20000, 85000, 600000, chain({ unit: 1000, franchise: true, pop: 1.5 })),
  m('블루핸즈', 'car', 30000, 150000, 1500000, chain({ unit: 1000, franchise: true, pop: 1.5 })),
  m('오토큐', 'car', 30000, 130000, 1200000, chain({ unit: 1000, franchise: true, pop: 1 })),
  m('타이어뱅크', 'car', 40000, 320000, 1200000, franchise({ unit: 1000, pop: 1 })),
  m('손세차장 카워시', 'car', 10000, 25000, 80000, { unit: 1000, pop: 1 }),
  m('하이패스 충전', 'car', 10000, 50000, 100000, { unit: 10000, pop: 1 }),
  // 반려동물
  m('펫프렌즈', 'pet', 10000, 42000, 200000, web({ pop: 1 })),
  m('어바웃펫', 'pet', 10000, 38000, 180000, web({ pop: 0.8 })),
  m('멍멍 애견미용', 'pet', 30000, 55000, 120000, { pop: 0.6 }),
];
