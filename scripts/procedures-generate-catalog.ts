/**
 * Seeded generator of a realistic national procedure catalog (danh mục TTHC) for tests and benchmarks: 6,297
 * procedures by default (the size of the national index, specs/procedures.md §2.2), with Vietnamese names built from
 * real sector vocabularies, the 2025 levels (Cấp Bộ / tỉnh / xã / chưa xác định), agencies, channels with their own
 * times and fees, and components. Synthetic: sector codes use the level-1 group `G99` (not a real body) and every
 * record carries `extra.synthetic = true`.
 *
 * Run: `npx tsx scripts/procedures-generate-catalog.ts [size] [seed] > catalog.json`
 */
import type { ImplementationLevel, Procedure } from '../src/procedures/index.js';

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTORS: readonly [string, string, readonly string[]][] = [
  ['Xây dựng', 'XD', ['giấy phép xây dựng', 'giấy phép xây dựng công trình', 'chứng chỉ hành nghề hoạt động xây dựng', 'chứng chỉ năng lực hoạt động xây dựng', 'thiết kế cơ sở', 'giấy phép di dời công trình']],
  ['Đất đai', 'DD', ['Giấy chứng nhận quyền sử dụng đất', 'quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'biến động đất đai', 'giao đất, cho thuê đất', 'chuyển mục đích sử dụng đất', 'tách thửa, hợp thửa đất']],
  ['Hộ tịch', 'HT', ['khai sinh', 'kết hôn', 'khai tử', 'thay đổi, cải chính, bổ sung thông tin hộ tịch', 'nhận cha, mẹ, con', 'giám hộ', 'xác nhận tình trạng hôn nhân']],
  ['Chứng thực', 'CT', ['bản sao từ bản chính', 'chữ ký', 'hợp đồng, giao dịch', 'chữ ký người dịch']],
  ['Thành lập và hoạt động của doanh nghiệp', 'DN', ['doanh nghiệp tư nhân', 'công ty trách nhiệm hữu hạn một thành viên', 'công ty cổ phần', 'chi nhánh, văn phòng đại diện', 'địa điểm kinh doanh', 'hộ kinh doanh']],
  ['Thương mại quốc tế', 'TM', ['Giấy phép thành lập Văn phòng đại diện của thương nhân nước ngoài', 'Giấy phép thành lập Chi nhánh của thương nhân nước ngoài', 'giấy phép kinh doanh', 'giấy chứng nhận xuất xứ hàng hóa']],
  ['Lưu thông hàng hóa trong nước', 'LT', ['giấy phép bán lẻ rượu', 'giấy phép bán lẻ sản phẩm thuốc lá', 'giấy chứng nhận đủ điều kiện kinh doanh xăng dầu', 'giấy phép kinh doanh khí']],
  ['Giáo dục mầm non', 'GM', ['cho phép trường mầm non hoạt động giáo dục', 'thành lập nhà trẻ, trường mẫu giáo', 'hỗ trợ kinh phí ăn trưa cho trẻ em']],
  ['Giáo dục trung học', 'GT', ['cho phép trường trung học cơ sở hoạt động giáo dục', 'chuyển trường đối với học sinh trung học', 'xét tuyển sinh vào trung học cơ sở']],
  ['Y tế dự phòng', 'YT', ['giấy chứng nhận đủ điều kiện an toàn thực phẩm', 'giấy phép hoạt động khám bệnh, chữa bệnh', 'chứng chỉ hành nghề dược']],
  ['Lao động - Tiền lương', 'LD', ['giấy phép lao động cho người lao động nước ngoài', 'đăng ký nội quy lao động', 'thỏa ước lao động tập thể']],
  ['Bảo trợ xã hội', 'BT', ['trợ cấp xã hội hằng tháng', 'hỗ trợ chi phí mai táng', 'trợ giúp xã hội khẩn cấp', 'xác định mức độ khuyết tật']],
  ['Người có công', 'NC', ['trợ cấp ưu đãi', 'giấy chứng nhận thương binh', 'hỗ trợ nhà ở người có công']],
  ['Môi trường', 'MT', ['giấy phép môi trường', 'đăng ký môi trường', 'báo cáo đánh giá tác động môi trường', 'kế hoạch xử lý, cải tạo và phục hồi ô nhiễm môi trường đất']],
  ['Tài nguyên nước', 'TN', ['giấy phép khai thác nước dưới đất', 'giấy phép khai thác nước mặt', 'giấy phép xả nước thải vào nguồn nước']],
  ['Giao thông đường bộ', 'GB', ['giấy phép lái xe', 'giấy phép liên vận', 'phù hiệu xe ô tô kinh doanh vận tải', 'giấy phép thi công công trình đường bộ']],
  ['Văn hóa cơ sở', 'VH', ['giấy phép kinh doanh karaoke', 'công nhận danh hiệu gia đình văn hóa', 'tổ chức lễ hội']],
  ['Lý lịch tư pháp', 'LL', ['Phiếu lý lịch tư pháp', 'Quyết định công nhận']],
  ['Công chứng', 'CC', ['thành lập văn phòng công chứng', 'đăng ký hoạt động văn phòng công chứng', 'bổ nhiệm công chứng viên']],
  ['Nông nghiệp', 'NN', ['giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản', 'giấy phép vận chuyển thuốc bảo vệ thực vật', 'chứng nhận vùng an toàn dịch bệnh động vật']],
  ['Thủy sản', 'TS', ['giấy phép khai thác thủy sản', 'đăng ký tàu cá', 'giấy chứng nhận cơ sở đủ điều kiện nuôi trồng thủy sản']],
  ['Điện lực', 'DL', ['giấy phép hoạt động điện lực', 'hỗ trợ kinh phí lắp đặt hệ thống điện mặt trời mái nhà']],
  ['Tiếp cận thông tin', 'TT', ['cung cấp thông tin theo yêu cầu']],
  ['Đầu tư tại Việt Nam', 'DT', ['quyết định chủ trương đầu tư', 'giấy chứng nhận đăng ký đầu tư', 'điều chỉnh dự án đầu tư']],
  ['Thi đua, khen thưởng', 'KT', ['tặng Bằng khen', 'tặng danh hiệu Chiến sĩ thi đua', 'khen thưởng đột xuất']],
];
const ACTIONS = ['Cấp', 'Cấp lại', 'Cấp đổi', 'Gia hạn', 'Điều chỉnh', 'Thu hồi', 'Đăng ký', 'Đăng ký lại', 'Xác nhận', 'Công nhận', 'Thẩm định', 'Phê duyệt', 'Thông báo', 'Chấm dứt', 'Sửa đổi, bổ sung'];
const QUALIFIERS = ['', '', '', ' (cấp xã)', ' (cấp tỉnh)', ' đối với cá nhân', ' đối với tổ chức', ' cho người nước ngoài', ' có yếu tố nước ngoài', ' trong trường hợp bị mất, hư hỏng', ' theo quy định tại Nghị định số 101/2024/NĐ-CP', ' tại Việt Nam', ' đối với công trình cấp đặc biệt, cấp I'];
const LEVELS: readonly [ImplementationLevel[], string][] = [
  [['ministry'], 'Cục'],
  [['province'], 'Sở'],
  [['province'], 'Ủy ban nhân dân cấp tỉnh'],
  [['commune'], 'Ủy ban nhân dân cấp xã'],
  [['commune', 'province'], 'Ủy ban nhân dân cấp xã'],
  [['undetermined'], 'Các cơ quan nhà nước'],
];

/**
 * Generates `size` procedures with the given seed (same seed, same catalog).
 *
 * @example
 * ```ts
 * const catalog = generateProcedureCatalog({ size: 6297, seed: 42 });
 * ```
 */
export function generateProcedureCatalog(options: { size?: number; seed?: number } = {}): Procedure[] {
  const size = options.size ?? 6297;
  const random = mulberry32(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: Procedure[] = [];
  for (let n = 0; n < size; n++) {
    const [sectorName, abbr, objects] = pick(SECTORS);
    const prefix = random() < 0.08 ? '5' : pick(['1', '1', '1', '2', '3']);
    const code = `${prefix}.${String(100000 + n * 17 + Math.floor(random() * 17)).padStart(6, '0').slice(-6)}`;
    const name = `${pick(ACTIONS)} ${pick(objects)}${pick(QUALIFIERS)}`;
    const [levels, agencyBase] = pick(LEVELS);
    const agency = agencyBase === 'Sở' ? `Sở ${pick(['Xây dựng', 'Tư pháp', 'Công Thương', 'Y tế', 'Nông nghiệp và Môi trường', 'Giáo dục và Đào tạo', 'Tài chính', 'Nội vụ'])}` : agencyBase === 'Cục' ? `Cục ${sectorName}` : agencyBase;
    const days = pick([1, 3, 5, 7, 10, 15, 20, 30]);
    const fee = pick([0, 0, 0, 10000, 50000, 100000, 200000]);
    const channels = (['online', 'postal', 'direct'] as const).filter((c) => c === 'direct' || random() < 0.8).map((channel) => ({ channel, processingTime: { value: days, unit: 'working-day' as const }, fees: [{ kind: 'fee' as const, amount: fee }] }));
    out.push({
      code,
      name,
      kind: prefix === '5' ? 'internal' : random() < 0.8 ? 'standard' : 'specific',
      sectors: [{ code: `G99-${abbr}${String(1 + Math.floor(random() * 20)).padStart(2, '0')}`, name: sectorName }],
      levels,
      agencies: { executing: [{ name: agency }], competent: [], authorized: [], coordinating: [] },
      steps: [{ description: `Bước 1: nộp hồ sơ. Bước 2: tiếp nhận và giải quyết trong ${days} ngày làm việc. Bước 3: trả kết quả.` }],
      channels,
      cases: [],
      components: [{ name: `Đơn đề nghị ${name.toLowerCase()}`, originals: 1, copies: 0, required: true, electronicForm: random() < 0.5, templates: [] }],
      subjects: [{ name: pick(['Công dân Việt Nam', 'Doanh nghiệp', 'Tổ chức', 'Người nước ngoài']) }],
      results: [{ name: `Kết quả ${name.toLowerCase()}` }],
      legalBases: [],
      online: { form: random() < 0.45 ? 'full' : 'partial' },
      extra: { synthetic: true },
    });
  }
  // codes are unique by construction (n * 17 + r with r < 17), except across prefixes which keep them distinct too
  return out;
}

if (process.argv[1]?.endsWith('procedures-generate-catalog.ts')) {
  const size = Number(process.argv[2] ?? 6297);
  const seed = Number(process.argv[3] ?? 42);
  process.stdout.write(`${JSON.stringify(generateProcedureCatalog({ size, seed }), null, 1)}\n`);
}
