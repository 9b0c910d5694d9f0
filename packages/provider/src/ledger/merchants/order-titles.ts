/**
 * Order titles (주문내역, trans_title) for 간편결제 payments and carrier billing, per merchant category,
 * with the order category (trans_category) shown for them. Products are generic or invented; a few
 * everyday brand goods appear as a Korean shopper would see them.
 */
export const ORDER_TITLES: Readonly<Record<string, readonly string[]>> = {
  online: [
    '곰곰 무항생제 신선한 대란 30구', '탐사수 2L x 12병', '크리넥스 3겹 데코앤소프트 화장지 30롤', '햇반 210g x 24개',
    '비비고 왕교자 1.05kg x 2개', '오뚜기 진라면 매운맛 멀티 40개', '다우니 섬유유연제 엑스퍼트 3.4L', '맥심 모카골드 마일드 250T',
    '페리오 치약 6개 세트', '코멧 물티슈 캡형 100매 x 10팩', '스텐 밀폐용기 10종 세트', '무선 블루투스 이어폰',
    '아이폰 케이스 실리콘', '고양이 모래 벤토나이트 10kg', '스탠드형 제습기 필터', '캠핑 의자 2개 세트',
    '홈트 요가매트 10mm', '1+1 여성 니트 가디건', '남성 기모 조거 팬츠', '유아 물티슈 80매 x 10팩',
    '국내산 제주 감귤 5kg', '닭가슴살 스테이크 30팩', '그릭요거트 플레인 450g x 4', '삼다수 2L x 6병',
  ],
  delivery: [
    '황금올리브치킨 1마리', '뿌링클 + 콜라 1.25L', '불고기버거 세트 2개', '엽기떡볶이 오리지널 + 주먹김밥',
    '마라탕 2인 + 꿔바로우', '짜장면 2 + 탕수육(소)', '김치찌개 정식 2인분', '연어 포케 레귤러', '아이스 아메리카노 2잔 + 케이크',
    '페퍼로니 피자 라지', '족발 중 + 막국수', '돈까스 정식 + 냉모밀', '순대국밥 2그릇', '샐러드 정기배송 1회차',
  ],
  fashion: ['오버핏 후드 티셔츠', '와이드 데님 팬츠', '경량 패딩 조끼', '러닝화 화이트', '캐시미어 머플러', '린넨 셔츠 2종'],
  books: ['트렌드 코리아 2027', '세이노의 가르침', '불편한 편의점', '역행자 확장판', '원씽 THE ONE THING', '돈의 속성', '초등 수학 문제집 세트'],
  culture: ['뮤지컬 R석 2매', '콘서트 스탠딩 1매', '전시회 얼리버드 2매', '프로야구 응원석 2매', '영화 예매 2매'],
  digital: ['스트리밍 클럽 이용권 1개월', '프리미엄 멤버십 1개월', '게임 아이템 다이아 1,000개', '웹툰 쿠키 100개', '클라우드 200GB 1개월', '전자책 단권 구매'],
  travel: ['제주 오션뷰 호텔 1박', '여수 펜션 1박', '강릉 씨마크 스탠다드 1박', '부산 해운대 레지던스 2박', '다낭 3박 5일 패키지', '오사카 호텔 2박'],
  transport: ['KTX 서울→부산 일반실', 'SRT 수서→광주송정', '고속버스 서울→강릉', '택시 이용', '김포→제주 항공권', '카셰어링 4시간'],
  education: ['토익 900 단과반 1개월', '온라인 강의 수강권', '드로잉 클래스 12주', '초등 영어 교재비'],
  living: ['수납 선반 3단', '원목 식탁 4인용', '암막 커튼 2장', '극세사 이불 세트', '욕실 매트 2종'],
  electronics: ['노트북 15인치', '무선 청소기', '공기청정기 필터', '태블릿 11인치', '게이밍 모니터 27인치'],
  pet: ['강아지 사료 6kg', '고양이 츄르 50개입', '배변패드 100매', '반려견 영양제'],
  service: ['운동화 세탁 2켤레', '이불 세탁', '셔츠 세탁 5장'],
  beauty: ['선크림 2개 기획', '토너패드 70매', '립틴트 3종 세트'],
  grocery: ['한우 불고기 500g', '제철 과일 선물세트', '친환경 채소 꾸러미'],
  mart: ['주간 장보기', '생필품 묶음'],
  restaurant: ['모바일 주문 포장', '테이블 주문'],
  cafe: ['사이렌오더 아메리카노', '모바일 선물하기 교환권'],
  leisure: ['필라테스 10회권', '헬스 3개월 이용권', '스크린골프 18홀'],
};

/** 간편결제 order category labels (trans_category), per merchant category key. */
export const ORDER_CATEGORY: Readonly<Record<string, string>> = {
  online: '쇼핑',
  delivery: '배달',
  fashion: '패션',
  books: '도서',
  culture: '공연·티켓',
  digital: '디지털콘텐츠',
  travel: '여행',
  transport: '교통',
  education: '교육',
  living: '리빙',
  electronics: '가전·디지털',
  pet: '반려동물',
  service: '생활서비스',
  beauty: '뷰티',
  grocery: '식품',
  mart: '장보기',
  restaurant: '외식',
  cafe: '카페',
  leisure: '레저',
};

/** Carrier-billing (통신-004) merchants and what they sell. */
export const CARRIER_BILLING: readonly { readonly name: string; readonly titles: readonly string[]; readonly amount: readonly [number, number] }[] = [
  { name: '구글플레이', titles: ['게임 아이템 구매', '앱 구매', '유튜브 프리미엄 1개월'], amount: [1100, 55000] },
  { name: '애플 앱스토어', titles: ['앱 내 구입', 'iCloud+ 50GB'], amount: [1100, 44000] },
  { name: '멜론', titles: ['스트리밍 클럽 1개월'], amount: [7900, 10900] },
  { name: '넥슨', titles: ['넥슨캐시 10,000원', '넥슨캐시 30,000원'], amount: [10000, 30000] },
  { name: '네이버웹툰', titles: ['쿠키 49개', '쿠키 100개'], amount: [5000, 10000] },
  { name: '문화상품권', titles: ['모바일 문화상품권 1만원권'], amount: [10000, 50000] },
  { name: '카카오 이모티콘', titles: ['이모티콘 구매'], amount: [2500, 4900] },
  { name: '배달의민족', titles: ['휴대폰결제 주문'], amount: [12000, 40000] },
];
