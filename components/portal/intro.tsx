// One string: line breaks inside JSX text would put spaces between Chinese characters.
const INTRO =
  "本平台落实《人力资源社会保障部办公厅关于进一步加强专家人才服务基层工作的通知》（人社厅发〔2025〕2号），" +
  "统筹专家服务基层行动、海外赤子为国服务行动计划、博士后科技服务团，汇聚高层次专家、留学回国人才和博士后，" +
  "让基层单位的需求与专家资源及时对接，并对服务过程跟踪问效。";

const FEATURES = [
  { title: "点餐式服务", text: "基层单位对照服务菜单自主提出需求，技术指导、科技推广、联合攻关、人才培养按需“点单”。" },
  { title: "精准匹配", text: "按专业领域、服务形式、地域与时间把需求和专家精准对接，并说明推荐理由；推动东中西部人才协作。" },
  { title: "专家服务基地", text: "建设国家级、省级专家服务基地，定期组织决策咨询、技术指导和人才培养，实行动态管理。" },
  { title: "揭榜挂帅", text: "企业出题、政府发榜、人才攻关，引导专家人才围绕产业一线难题开展联合攻关和成果转化。" },
];

export function PortalIntro() {
  return (
    <section aria-labelledby="intro-heading" className="bg-gradient-to-b from-brand-50 to-slate-50">
      <div className="mx-auto max-w-6xl px-4 py-12">
        <h1 id="intro-heading" className="text-3xl font-semibold text-brand-800">组织专家人才服务基层</h1>
        <p className="mt-4 max-w-3xl leading-7 text-slate-700">{INTRO}</p>
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map((f) => (
            <li key={f.title} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h2 className="font-semibold text-brand-800">{f.title}</h2>
              <p className="mt-2 text-sm leading-6 text-slate-600">{f.text}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
