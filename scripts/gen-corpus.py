#!/usr/bin/env python3
"""Generates a corpus of realistic outlet inspection reports, for `make bench` and batch tests.

    scripts/gen-corpus.py --out DIR --count N --seed S [--broken K] [--force]

Writes N files as DIR/<branch-pinyin>/<outlet-id>.yaml across the 31 provincial branches
(北京分公司 … 新疆分公司), each ~20 KB: a full premises checklist, 20–40 staff with utterances,
5–10 sampled calls, 30–60 cases of every kind with timestamps in 2025–2026 that follow the
business calendar (rules/calendar.yaml), and random failures at a per-report rate of about
4–13% of checks (critical clauses much rarer). K of the N files (default one per 500, at least
one when N >= 100) are broken on purpose — invalid YAML, an unknown key, an impossible date, in
turn — and named like the others, so `audit batch` has to report them.

Deterministic: the same arguments give a byte-identical tree (a seeded random.Random per
report, no clock, no hash order). Standard library only; the YAML text is written by hand.
"""
import argparse
import datetime as dt
import os
import pathlib
import random
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

# MARK: - Branches, cities, districts

# (branch, pinyin folder, outlet-id prefix, relative size, "city:CODE:district/CODE,...;...")
BRANCHES = [
    ("北京", "beijing", "BJ", 4, "北京市:BJ:朝阳区/CY,海淀区/HD,东城区/DC,西城区/XC,丰台区/FT,通州区/TZ"),
    ("天津", "tianjin", "TJ", 2, "天津市:TJ:和平区/HP,河西区/HX,南开区/NK,滨海新区/BH"),
    ("河北", "hebei", "HE", 4, "石家庄市:SJZ:长安区/CA,桥西区/QX,裕华区/YH;唐山市:TS:路北区/LB,路南区/LN,丰润区/FR;保定市:BD:竞秀区/JX,莲池区/LC,涿州市/ZZ"),
    ("山西", "shanxi", "SX", 2, "太原市:TY:小店区/XD,迎泽区/YZ,杏花岭区/XHL;大同市:DT:平城区/PC,云冈区/YG;运城市:YC:盐湖区/YH,永济市/YJ"),
    ("内蒙古", "neimenggu", "NM", 2, "呼和浩特市:HHHT:新城区/XC,赛罕区/SH,回民区/HM;包头市:BT:昆都仑区/KDL,青山区/QS;鄂尔多斯市:EEDS:东胜区/DS,康巴什区/KBS"),
    ("辽宁", "liaoning", "LN", 3, "沈阳市:SY:和平区/HP,沈河区/SH,铁西区/TX,浑南区/HN;大连市:DL:中山区/ZS,沙河口区/SHK,甘井子区/GJZ;鞍山市:AS:铁东区/TD,立山区/LS"),
    ("吉林", "jilin", "JL", 2, "长春市:CC:朝阳区/CY,南关区/NG,绿园区/LY;吉林市:JL:船营区/CY,丰满区/FM;延吉市:YJ:河南街道/HN,进学街道/JX"),
    ("黑龙江", "heilongjiang", "HLJ", 3, "哈尔滨市:HRB:道里区/DL,南岗区/NG,香坊区/XF,道外区/DW;齐齐哈尔市:QQHR:龙沙区/LS,建华区/JH;大庆市:DQ:萨尔图区/SET,让胡路区/RHL"),
    ("上海", "shanghai", "SH", 4, "上海市:SH:浦东新区/PD,黄浦区/HP,徐汇区/XH,静安区/JA,闵行区/MH,杨浦区/YP"),
    ("江苏", "jiangsu", "JS", 6, "南京市:NJ:玄武区/XW,秦淮区/QH,鼓楼区/GL,江宁区/JN;苏州市:SZ:姑苏区/GS,吴中区/WZ,昆山市/KS,常熟市/CS;无锡市:WX:梁溪区/LX,滨湖区/BH,江阴市/JY;徐州市:XZ:云龙区/YL,鼓楼区/GL"),
    ("浙江", "zhejiang", "ZJ", 6, "杭州市:HZ:上城区/SC,拱墅区/GS,西湖区/XH,萧山区/XS;宁波市:NB:海曙区/HS,鄞州区/YZ,江北区/JB;温州市:WZ:鹿城区/LC,瓯海区/OH,瑞安市/RA;金华市:JH:婺城区/WC,义乌市/YW"),
    ("安徽", "anhui", "AH", 3, "合肥市:HF:蜀山区/SS,包河区/BH,庐阳区/LY;芜湖市:WH:镜湖区/JH,鸠江区/JJ;阜阳市:FY:颍州区/YZ,颍泉区/YQ"),
    ("福建", "fujian", "FJ", 3, "福州市:FZ:鼓楼区/GL,台江区/TJ,仓山区/CS;厦门市:XM:思明区/SM,湖里区/HL,集美区/JM;泉州市:QZ:丰泽区/FZ,鲤城区/LC,晋江市/JJ"),
    ("江西", "jiangxi", "JX", 2, "南昌市:NC:东湖区/DH,西湖区/XH,青山湖区/QSH;赣州市:GZ:章贡区/ZG,南康区/NK;九江市:JJ:浔阳区/XY,濂溪区/LX"),
    ("山东", "shandong", "SD", 6, "济南市:JN:历下区/LX,市中区/SZ,槐荫区/HY,历城区/LC;青岛市:QD:市南区/SN,市北区/SB,黄岛区/HD,崂山区/LS;烟台市:YT:芝罘区/ZF,莱山区/LS;潍坊市:WF:奎文区/KW,潍城区/WC"),
    ("河南", "henan", "HA", 5, "郑州市:ZZ:金水区/JS,二七区/EQ,中原区/ZY,管城回族区/GC;洛阳市:LY:西工区/XG,洛龙区/LL,涧西区/JX;南阳市:NY:卧龙区/WL,宛城区/WC"),
    ("湖北", "hubei", "HB", 4, "武汉市:WH:江岸区/JA,武昌区/WC,洪山区/HS,汉阳区/HY;宜昌市:YC:西陵区/XL,伍家岗区/WJG;襄阳市:XY:襄城区/XC,樊城区/FC"),
    ("湖南", "hunan", "HN", 4, "长沙市:CS:芙蓉区/FR,天心区/TX,岳麓区/YL,开福区/KF;株洲市:ZZ:天元区/TY,芦淞区/LS;衡阳市:HY:蒸湘区/ZX,雁峰区/YF"),
    ("广东", "guangdong", "GD", 7, "广州市:GZ:天河区/TH,越秀区/YX,海珠区/HZ,白云区/BY,番禺区/PY;深圳市:SZ:福田区/FT,南山区/NS,罗湖区/LH,宝安区/BA;佛山市:FS:禅城区/CC,南海区/NH,顺德区/SD;东莞市:DG:南城街道/NC,虎门镇/HM,长安镇/CA"),
    ("广西", "guangxi", "GX", 2, "南宁市:NN:青秀区/QX,兴宁区/XN,西乡塘区/XXT;柳州市:LZ:城中区/CZ,鱼峰区/YF;桂林市:GL:秀峰区/XF,七星区/QX"),
    ("海南", "hainan", "HI", 1, "海口市:HK:龙华区/LH,美兰区/ML,秀英区/XY;三亚市:SY:吉阳区/JY,天涯区/TY"),
    ("重庆", "chongqing", "CQ", 3, "重庆市:CQ:渝中区/YZ,江北区/JB,沙坪坝区/SPB,九龙坡区/JLP,渝北区/YB,万州区/WZ"),
    ("四川", "sichuan", "SC", 5, "成都市:CD:锦江区/JJ,青羊区/QY,武侯区/WH,成华区/CH,金牛区/JN;绵阳市:MY:涪城区/FC,游仙区/YX;南充市:NC:顺庆区/SQ,高坪区/GP"),
    ("贵州", "guizhou", "GZ", 2, "贵阳市:GY:南明区/NM,云岩区/YY,观山湖区/GSH;遵义市:ZY:红花岗区/HHG,汇川区/HC"),
    ("云南", "yunnan", "YN", 2, "昆明市:KM:五华区/WH,盘龙区/PL,官渡区/GD,西山区/XS;曲靖市:QJ:麒麟区/QL,沾益区/ZY;玉溪市:YX:红塔区/HT,江川区/JC"),
    ("西藏", "xizang", "XZ", 1, "拉萨市:LS:城关区/CG,堆龙德庆区/DLDQ;日喀则市:RKZ:桑珠孜区/SZZ"),
    ("陕西", "shaanxi", "SN", 3, "西安市:XA:雁塔区/YT,碑林区/BL,新城区/XC,未央区/WY,长安区/CA;宝鸡市:BJ:渭滨区/WB,金台区/JT;咸阳市:XY:秦都区/QD,渭城区/WC"),
    ("甘肃", "gansu", "GS", 2, "兰州市:LZ:城关区/CG,七里河区/QLH,安宁区/AN;天水市:TS:秦州区/QZ,麦积区/MJ"),
    ("青海", "qinghai", "QH", 1, "西宁市:XN:城东区/CD,城中区/CZ,城西区/CX,城北区/CB;海东市:HD:乐都区/LD,平安区/PA"),
    ("宁夏", "ningxia", "NX", 1, "银川市:YC:兴庆区/XQ,金凤区/JF,西夏区/XX;石嘴山市:SZS:大武口区/DWK,惠农区/HN"),
    ("新疆", "xinjiang", "XJ", 2, "乌鲁木齐市:WLMQ:天山区/TS,沙依巴克区/SYBK,新市区/XS,水磨沟区/SMG;克拉玛依市:KLMY:克拉玛依区/KLMY,独山子区/DSZ"),
]
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}


def parse_cities(spec):
    cities = []
    for part in spec.split(";"):
        name, code, districts = part.split(":")
        cities.append((name, code, [tuple(d.split("/")) for d in districts.split(",")]))
    return cities


def short_place(name):
    """道里区 -> 道里, 浦东新区 -> 浦东, 昆山市 -> 昆山, 管城回族区 -> 管城, 虎门镇 -> 虎门."""
    for suffix in ("回族区", "新区", "街道", "区", "县", "市", "镇"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


# MARK: - Business calendar (read from rules/calendar.yaml, so deadlines agree with audit)

def load_calendar():
    text = (ROOT / "rules" / "calendar.yaml").read_text(encoding="utf-8")
    holidays, working = set(), set()
    target = None
    for line in text.splitlines():
        stripped = line.split("#", 1)[0].strip()
        if stripped.startswith("holidays:"):
            target = holidays
        elif stripped.startswith("working_days:"):
            target = working
        elif stripped.startswith("- ") and target is not None:
            m = re.fullmatch(r"- (\d{4}-\d\d-\d\d)(?:\.\.(\d{4}-\d\d-\d\d))?", stripped)
            if m:
                first = dt.date.fromisoformat(m.group(1))
                last = dt.date.fromisoformat(m.group(2) or m.group(1))
                while first <= last:
                    target.add(first)
                    first += dt.timedelta(days=1)
        elif stripped and not stripped.startswith("-"):
            target = None
    return holidays, working


HOLIDAYS, WORKING_DAYS = load_calendar()
ONE_DAY = dt.timedelta(days=1)


def _working_table():
    day, table = dt.date(2024, 1, 1), set()
    while day.year < 2028:
        if day in WORKING_DAYS or (day.weekday() < 5 and day not in HOLIDAYS):
            table.add(day)
        day += dt.timedelta(days=1)
    return table


WORKING_TABLE = _working_table()     # a set lookup: is_working is the generator's hottest call


def is_working(day):
    return day in WORKING_TABLE


def add_workdays(day, n):
    """The n-th working day after `day` (the start day is not counted)."""
    while n > 0:
        day += ONE_DAY
        if is_working(day):
            n -= 1
    return day


def add_days(day, n):
    """n calendar days after `day`, moved to the next working day when that is a day off."""
    day += dt.timedelta(days=n)
    while not is_working(day):
        day += ONE_DAY
    return day


def next_working(day):
    while not is_working(day):
        day += ONE_DAY
    return day


# MARK: - Text pools

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ["敏", "静", "伟", "磊", "洋", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "建国", "海燕", "志强",
         "晓琳", "立伟", "思远", "建华", "丽娟", "文博", "子涵", "雨桐", "国庆", "春梅", "红霞", "桂兰", "俊杰",
         "欣怡", "浩然", "佳琪", "玉兰", "德明", "凤英", "海波", "晓东", "振华", "丹丹", "宏伟"]
AMOUNTS = ["八百六十", "一千二百", "一千五百", "两千三百", "三千二百", "四千零五十", "五千六百", "九百八十"]
TOPICS = ["分红实现率", "保单贷款利率", "退保现金价值", "跨省理赔时效", "农险补贴比例", "车船税代收"]
PARTNERS = ["恒达", "华晨", "广汇", "永达", "庞大", "中升", "利星行", "宝利德", "运通", "正通", "元通", "和谐"]
ROADS = ["中山路", "人民路", "解放路", "建设路", "和平路", "胜利路", "新华路", "长江路", "黄河路", "文化路",
         "友谊路", "光明路", "青年路", "东风路", "迎宾路", "滨江路", "南京路", "北京路", "学府路", "金融街"]

UTTERANCES = {
    "reception": [
        "您好,欢迎光临{brand},请问您办理什么业务?",
        "请您先取号,在休息区稍坐,叫到号码请到对应窗口办理。",
        "您好,理赔资料请到{n}号窗口提交。",
        "{s},这边请,我带您到VIP室。",
        "您好,请问您有预约吗?",
        "饮水机在休息区,您可以先喝杯水。",
        "请您出示一下身份证件,我帮您查询保单信息。",
        "您好,车险续保请到{n}号柜台,前面还有两位客户。",
        "{s},您要的理赔申请书在资料架上,我帮您取一份。",
        "您好,外面下雨,雨伞可以放在门口的伞架上。",
    ],
    "counter": [
        "您好,请出示您的身份证件。",
        "您好,车险续保需要行驶证和身份证,请您出示一下。",
        "保单已经打印好了,请您核对一下信息。",
        "这份保单的犹豫期是十五天,期间退保可以全额退还保费。",
        "{s},您的理赔资料已经齐全,我这边帮您提交。",
        "请您在这里签字确认,签名要和身份证一致。",
        "您的批改申请已经受理,批单会以短信发给您。",
        "还缺一份银行卡复印件,我们这边可以帮您复印。",
        "{s},请问还有其他可以帮您的吗?",
        "您的保全变更已经办好,两个工作日内生效。",
        "您好,请坐,请问办理什么业务?",
        "这个险种的保障范围我给您简单说明一下。",
        "请稍等,我帮您查一下上年的保单。",
        "新单回访电话会在十五天内打给您,请您留意接听。",
    ],
    "cashier": [
        "您好,本次应缴保费{amt}元,请问刷卡还是扫码?",
        "收您现金{amt}元,请您核对。",
        "这是您的缴费凭证和发票,请收好。",
        "您好,请问刷卡还是扫码支付?",
        "{s},赔款会在三个工作日内转到您的银行卡。",
        "请输入密码,谢谢。",
    ],
    "assessor": [
        "您好,麻烦您把车开到{n}号工位,我给您拍照定损。",
        "左前叶子板需要钣金喷漆,右大灯需要更换。",
        "这个损失属于车损险保障范围,定损金额会短信通知您。",
        "您好,我是查勘员,车辆的损失我现在拍照确认。",
        "{s},定损单已经出来了,修理厂可以开始维修。",
        "请您在定损单上签字,有疑问可以随时打我电话。",
        "维修发票开好后请拍照上传到公众号,方便您理赔。",
    ],
    "manager": [
        "{s},您的理赔款已经到账,给您添麻烦了。",
        "{s},您反映的问题我们已经核实,这是处理意见。",
        "您好,我是网点负责人,您的意见我们记下了,两个工作日内给您答复。",
        "请您放心,这件事我来跟进,办好后第一时间通知您。",
        "感谢您的监督,我们会加强对柜员的培训。",
    ],
    "phone_agent": [
        "您好,您的报案已经登记,查勘员半小时内联系您。",
        "{s},您的保单将于下月到期,请您及时续保。",
        "请您保持电话畅通,稍后会有工作人员联系您。",
        "{s},请问还有其他可以帮您的吗?",
    ],
}
FORBIDDEN_UTTERANCES = [
    "这是规定,我也没办法。", "下班了,明天再来吧。", "自己看墙上的流程图。", "这个我不知道,你问别人吧。",
    "急什么,前面还有人呢。", "不归我管,你去理赔窗口问。", "怎么不早点来?资料都不全。",
    "你去投诉好了,我们也是按流程办。", "没看我正忙着吗?等一下。", "有完没完,刚才已经说过了。",
    "表格自己找,就在架子上。", "你找谁都没用,系统就是这样。", "这个不关我的事。",
]
TRANSCRIPT = [
    "{s},您的车险报案已经登记,查勘员半小时内联系您。",
    "{s},您的保全变更已经受理,预计两个工作日内办结。",
    "请问还有其他可以帮您的吗?",
    "{s},您的理赔资料已经收齐,我们会尽快核定。",
    "您的保单号我已经记下,核实后给您回电。",
    "{s},赔款支付进度我帮您查询一下,请稍等。",
    "本网点营业时间是{hours},节假日有值班人员。",
    "{s},您可以通过公众号上传理赔资料,不用跑网点。",
    "感谢您的来电,祝您生活愉快,再见。",
    "{s},您的续保报价已经发到您的手机,请查收。",
    "请您提供一下出险时间和地点。",
]
OPENINGS_GOOD = [
    "您好,欢迎致电{brand}客户服务热线,客服代表{n4}很高兴为您服务,请问有什么可以帮您?",
    "您好,{short}{city}客服热线,请问有什么可以帮您?",
    "您好,中国人寿客户服务热线,工号{n4}为您服务,请问有什么可以帮您?",
    "您好,{brand}{city}客户服务热线,请问有什么能帮您?",
]
OPENINGS_BAD = ["喂,您好,请讲。", "您好,请问有什么可以帮您?", "您好,{short}客服热线。", "喂,哪位?"]
FORBIDDEN = ["喂,说话呀", "喂,说吧", "不知道", "不归我管", "不关我的事", "自己看", "自己找", "有完没完", "急什么",
             "没看我正忙着吗", "下班了", "这是规定", "你找谁都没用", "你去投诉好了", "怎么不早点来"]
GOOD_NOTES = ["网点整体环境良好,服务规范。", "网点环境整洁,人员着装统一。", "各功能区设置合理,标识清晰。"]


FIELDS = {t: re.findall(r"\{(\w+)\}", t)
          for t in [t for pool in UTTERANCES.values() for t in pool] + TRANSCRIPT + OPENINGS_GOOD + OPENINGS_BAD}


def _squash(text):
    return re.sub(r"[\s,.;:!?,。;:!?、“”‘’()()《》「」—…-]", "", text)


def _check_pools():
    """The clean pools must not trip ETQ-FORBIDDEN-PHRASES by accident, nor the bad ones miss."""
    bad = [_squash(p) for p in FORBIDDEN]
    clean = [t for pool in UTTERANCES.values() for t in pool] + TRANSCRIPT + OPENINGS_GOOD + OPENINGS_BAD
    for text in clean:
        assert not any(b in _squash(text) for b in bad), text
    for text in FORBIDDEN_UTTERANCES:
        assert any(b in _squash(text) for b in bad), text


_check_pools()


# MARK: - YAML text

def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def b(value):
    return "true" if value else "false"


def flow(items):
    return "[" + ", ".join(items) + "]"


def qflow(items):
    return "[" + ", ".join(q(t) for t in items) + "]"


# MARK: - One report

SERVICE_FULL = ["consultation", "underwriting", "claims_documents", "payments", "cash", "complaints"]
HOURS = ["08:30-17:00", "08:30-17:30", "09:00-17:00", "09:00-17:30", "08:00-18:00", "08:30-16:30"]
AMENITY_REQUIRED = ["info_rack", "newspaper_holder", "notice_board", "premium_calculator", "wall_clock", "convenience_box"]
AMENITY_EXTRA = ["tv", "rating_device", "queue_machine", "shoe_polisher", "umbrella_stand"]
CONVENIENCE = ["reading_glasses", "map", "phone_directory", "first_aid_kit", "sewing_kit"]
POSTINGS = ["underwriting_process", "claims_process", "claims_documents", "service_commitment", "service_hotline", "supervision_board"]


CHANNELS = {"complaint": ("counter", "phone", "online"), "consultation": ("phone", "counter", "online"),
            "claim": ("counter", "online", "visit"), "policy_service": ("counter", "online"), "new_policy": ("counter", "visit")}
CASE_PREFIX = {"claim": "CLM", "consultation": "CON", "complaint": "CMP", "policy_service": "POL", "new_policy": "NEW"}


class Report:
    """Builds the text of one report. `rate`, drawn per report, is the chance that an ordinary
    check fails; critical clauses fail at rate / 25, premises of a tier outlet at rate × 0.3."""

    def __init__(self, rng, plan):
        self.rng = rng
        self.random = rng.random
        self.plan = plan
        self.rate = rng.uniform(0.06, 0.17)
        self.critical = self.rate / 25     # a critical clause fails far more rarely
        self.out = []
        self.issues = []

    # random.Random's randint and choice are exact but slow; these are plenty for a corpus.
    def randint(self, low, high):
        return low + int(self.random() * (high - low + 1))

    def choice(self, items):
        return items[int(self.random() * len(items))]

    def fails(self, p=None):
        return self.random() < (self.rate if p is None else p)

    def ok(self, p=None):
        return not self.fails(p)

    def person(self):
        return self.choice(SURNAMES) + self.choice(GIVEN)

    def mister(self):
        return self.choice(SURNAMES) + self.choice(("先生", "女士"))

    def fill(self, template):
        if "{" not in template:
            return template
        values = {}
        for field in FIELDS[template]:
            if field == "s":
                values[field] = self.mister()
            elif field == "n":
                values[field] = self.randint(1, 6)
            elif field == "amt":
                values[field] = self.choice(AMOUNTS)
            elif field == "n4":
                values[field] = f"{self.randint(1, 9999):04d}"
            else:
                values[field] = {"brand": self.brand, "short": self.short, "city": self.city_short, "hours": self.hours}[field]
        return template.format(**values)

    def stamp(self, m):
        if self.iso_times:
            return f"{m.year}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:00+08:00"
        return f"{m.year}-{m.month:02d}-{m.day:02d} {m.hour:02d}:{m.minute:02d}"

    # -- build -------------------------------------------------------------------------

    def build(self):
        rng, plan, w = self.rng, self.plan, self.out.append
        kind = plan["type"]
        self.line = "property" if kind in ("loss_assessment_center", "service_station") or rng.random() < 0.7 else "life"
        self.brand = "中国人寿财险" if self.line == "property" else "中国人寿"
        self.short = "国寿财险" if self.line == "property" else "中国人寿"
        self.city_short = short_place(plan["city"])
        self.hours = self.choice(HOURS)
        self.iso_times = rng.random() < 0.1
        self.inspected = plan["inspected"]

        w("schema: outlet-report/1\n\ninspection:\n")
        w(f"  id: {plan['inspection_id']}\n")
        w(f"  inspected_at: {self.inspected.strftime('%Y-%m-%dT%H:%M:00+08:00')}\n")
        w(f"  inspector: {self.person()}\n")
        w(f"  method: {rng.choices(['onsite', 'mystery_shopper', 'remote'], [85, 10, 5])[0]}\n")
        self.outlet()
        self.premises()
        self.staff()
        self.calls()
        self.cases()
        notes = self.issues[:3] if self.issues else [self.choice(GOOD_NOTES)]
        w(f"\nnotes: {';'.join(n.rstrip('。') for n in notes)}。\n")
        return "".join(self.out)

    def outlet(self):
        rng, plan, w = self.rng, self.plan, self.out.append
        kind = plan["type"]
        city, district = plan["city"], plan["district"]
        place = short_place(district)
        if kind == "service_center":
            road = "" if plan["seq"] == 1 else self.choice(ROADS)
            name = f"{city}{place}{road}客户服务中心"
            if self.fails(self.rate / 3):
                name = f"{district}{road}客户服务中心"
                self.issues.append("网点名称未按“城市+区域+客户服务中心”规范命名")
        elif kind == "service_hall":
            name = f"{self.brand}{place}支公司客户服务大厅"
        elif kind == "loss_assessment_center":
            name = f"{self.city_short}{place}定损中心"
        else:
            name = f"{city}{self.choice(PARTNERS)}客户服务站"
        self.floor = 1 if kind != "service_center" and kind != "service_hall" or rng.random() < 0.85 else self.choice((2, 2, 3))
        if kind == "service_center":
            services = SERVICE_FULL + (["loss_assessment"] if rng.random() < 0.4 else [])
        elif kind == "service_hall":
            services = [s for s in SERVICE_FULL if s != "cash" or rng.random() < 0.8]
        elif kind == "loss_assessment_center":
            services = ["loss_assessment", "claims_documents", "payments"]
        else:
            services = ["consultation", "claims_documents", "loss_assessment"] + (["underwriting"] if rng.random() < 0.4 else [])
        self.services = services
        self.hosting = "partner" if kind == "service_station" and rng.random() < 0.8 else "self_built"
        sub = f"{place}支公司" if city in MUNICIPALITIES else f"{self.city_short}中心支公司"
        w("\noutlet:\n")
        w(f"  id: {plan['id']}\n  name: {name}\n  branch: {plan['branch']}分公司\n  sub_branch: {sub}\n")
        w(f"  city: {city}\n  district: {district}\n  type: {kind}\n")
        if kind != "loss_assessment_center":
            w(f"  level: {3 if kind == 'service_center' else 4}\n")
        w(f"  tier: {plan['tier']}\n  hosting: {self.hosting}\n  line: {self.line}\n")
        w(f"  services: {flow(services)}\n  floor: {self.floor}\n")
        w(f"  street_facing: {b(self.floor == 1 and rng.random() < 0.92)}\n")
        w(f"  posted_hours: {q(self.hours)}\n")
        if rng.random() < 0.1:
            w("  timezone: Asia/Shanghai\n")

    def pick(self, items, required=(), p=None):
        """`items` in order, with one of `required` dropped when a check fails."""
        items = list(items)
        if required and self.fails(p):
            drop = self.choice(list(required))
            items = [i for i in items if i != drop]
            return items, drop
        return items, None

    def premises(self):
        # An outlet certified for (or applying for) a tier keeps its premises up better.
        saved = self.rate
        if self.plan["tier"] != "none":
            self.rate *= 0.3
        self.premises_checklist()
        self.rate = saved

    def premises_checklist(self):
        rng, w = self.rng, self.out.append
        kind, tier = self.plan["type"], self.plan["tier"]
        centre, hall = kind == "service_center", kind == "service_hall"
        lac, station = kind == "loss_assessment_center", kind == "service_station"
        half = self.rate / 2
        w("\npremises:\n")
        if centre:
            area = self.randint(55, 79) if self.fails(half) else self.randint(80, 220)
        elif hall:
            area = self.randint(12, 19) if self.fails(half) else self.randint(20, 90)
        elif lac:
            area = self.randint(30, 150)
        else:
            area = self.randint(8, 40)
        if centre and area < 80:
            self.issues.append(f"客户接待区域仅{area}平方米")
        w(f"  reception_area_m2: {area}{'.5' if rng.random() < 0.2 else ''}\n")
        w(f"  transit_nearby: {b(self.ok(half))}\n  parking: {b(self.ok())}\n")
        if self.floor != 1:
            w(f"  ground_floor_sign: {b(self.ok())}\n")
        if centre or hall:
            lightbox = "none" if rng.random() < 0.06 else ("off" if self.fails(half) else "on")
        else:
            lightbox = "none" if rng.random() < 0.8 else "on"
        w(f"  lightbox: {q(lightbox)}\n")
        sign = self.ok(half)
        if lac and rng.random() < 0.3:
            sign = False
        w(f"  storefront_sign: {b(sign)}\n")
        if lac:
            w(f"  standing_pillar: {b(sign or self.ok(half))}\n")
        plaque = ["name", "hours", "hotline"] + (["address"] if tier == "flagship" or rng.random() < 0.5 else [])
        if lac and not sign and rng.random() < 0.6:
            plaque = []
        elif centre or hall or lac:
            plaque, dropped = self.pick(plaque, ("name", "hours", "hotline", "address") if tier == "flagship" else ("hours", "hotline"), half)
        if not station:
            w(f"  plaque: {flow(plaque)}\n")
        if lac:
            w(f"  hours_posted_inside: {b(self.ok(half))}\n")
        clean = self.ok()
        if not clean:
            self.issues.append("营业厅卫生有待改进")
        w(f"  clean: {b(clean)}\n  facade_compliant: {b(self.ok(half))}\n")
        w(f"  air_fresh: {b(self.ok(half))}\n  plants: {b(self.ok())}\n")
        if centre:
            zones = ["business_acceptance", "cashier", "rest_area", "vip_room"]
        elif hall:
            zones = ["business_acceptance", "cashier", "rest_area", self.choice(("vip_area", "vip_room"))]
        else:
            zones = ["business_acceptance", "rest_area"]
        if centre or hall:
            extras = [z for z in ("reception", "self_service", "form_filling") if tier == "flagship" or rng.random() < 0.4]
            zones = [z for z in ("reception",) if z in extras] + zones + [z for z in extras if z != "reception"]
        zones, dropped = self.pick(zones, zones, half)
        if dropped:
            self.issues.append("功能区设置不全")
        w(f"  zones: {flow(zones)}\n")
        if centre:
            w(f"  counters: {{open_low: {b(self.ok(half))}, lcd_monitors: {b(self.ok(half))}, chairs: {b(self.ok(half))}}}\n")
        if "cash" in self.services:
            enclosed = self.ok(self.critical)
            if not enclosed:
                self.issues.append("现金收付柜台未封闭")
            w(f"  cashier_enclosed: {b(enclosed)}\n")
        if "rest_area" in zones:
            w(f"  rest_area: {{seating: {b(self.ok(half))}, water_dispenser: {b(self.ok(half))}, cups: {b(self.ok())}}}\n")
        if "vip_room" in zones:
            w(f"  vip_room: {{sofa: {b(self.ok(half))}, tea_table: {b(self.ok(half))}, plants: {b(self.ok())}}}\n")
        if centre or hall:
            postings = POSTINGS
        elif lac:
            postings = ["claims_process", "claims_documents", "service_commitment", "service_hotline"]
        else:
            postings = ["underwriting_process", "claims_process", "service_hotline"] + (["service_commitment"] if rng.random() < 0.5 else [])
        postings, dropped = self.pick(postings, postings)
        if dropped == "supervision_board":
            self.issues.append("未悬挂服务人员监督板")
        w("  postings:\n" + "".join(f"    - {p}\n" for p in postings))
        w(f"  postings_current: {b(self.ok())}\n")
        if centre or hall:
            w(f"  opinion_book: {b(self.ok())}\n")
        if centre:
            signs = ["reception", "underwriting", "claims", "payments"] + (["documents"] if rng.random() < 0.5 else [])
            signs += ["loss_assessment"] if "loss_assessment" in self.services else []
        elif hall:
            signs = ["underwriting", "claims", "documents", "payments"]
        elif lac:
            signs = ["loss_assessment", "documents"]
        else:
            signs = ["claims", "documents"]
        signs, _ = self.pick(signs, signs, half)
        w(f"  counter_signs: {flow(signs)}\n")
        if centre or hall:
            w(f"  desk_plates: {{uniform: {b(self.ok(half))}, staff_card: {b(self.ok())}}}\n")
        suspended = rng.choices((0, 1, 2), (60, 30, 10))[0]
        if suspended:
            w("  suspended_counters:\n")
            for counter in sorted(rng.sample(range(1, 9), suspended)):
                w(f"    - {{counter: {q(str(counter))}, sign_shown: {b(self.ok())}, same_service_elsewhere: {b(self.ok(half))}}}\n")
        else:
            w("  suspended_counters: []\n")
        if centre or hall:
            w(f"  reception_desk_visible: {b(self.ok(half))}\n")
            w(f"  self_service: {{web_pc: {b(self.ok(half))}, phone: {b(self.ok(half))}}}\n")
            w(f"  form_desk: {{forms: {b(self.ok(half))}, stationery: {b(self.ok(half))}, samples: {b(self.ok())}}}\n")
        full = all(s in self.services for s in ("consultation", "underwriting", "claims_documents"))
        copier = self.choice(("on_site", "on_site", "copy_service"))
        if (full or centre or hall) and self.fails(half):
            copier = "none"
        elif not (full or centre or hall) and rng.random() < 0.5:
            copier = "none"
        w(f"  copier: {copier}\n")
        if centre or hall:
            amenities = [a for a in AMENITY_REQUIRED if tier == "flagship" or rng.random() < 0.75]
            amenities, _ = self.pick(amenities, amenities, half)
            amenities += [a for a in AMENITY_EXTRA if rng.random() < 0.5]
        else:
            amenities = [a for a in ("info_rack", "wall_clock", "notice_board") if rng.random() < 0.6]
        w(f"  amenities: {flow(amenities)}\n")
        if "convenience_box" in amenities:
            box, _ = self.pick(CONVENIENCE, CONVENIENCE, half)
            w(f"  convenience_box: {flow(box)}\n")
        shielded, secured = self.ok(self.critical), self.ok(self.critical)
        if not (shielded and secured):
            self.issues.append("客户信息保护不到位")
        w(f"  privacy: {{screens_shielded: {b(shielded)}, documents_secured: {b(secured)}}}\n")
        opens = dt.datetime.strptime(self.hours[:5], "%H:%M")
        if self.fails(half):
            opened = opens + dt.timedelta(minutes=self.randint(2, 20))
            self.issues.append(f"实际{opened:%H:%M}开门,晚于公示时间")
        else:
            opened = opens - dt.timedelta(minutes=self.choice((0, 0, 5, 10, 15)))
        w(f"  opened_at: {q(opened.strftime('%H:%M'))}\n")

    # -- staff and calls ---------------------------------------------------------------

    def staff(self):
        rng, w = self.rng, self.out.append
        kind = self.plan["type"]
        count = round(rng.triangular(20, 40, 20))
        if kind == "loss_assessment_center":
            roles = ["manager", "reception"] + ["counter"] * self.randint(3, 6)
        elif kind == "service_station":
            roles = ["manager"] + ["counter"] * self.randint(4, 8)
        else:
            roles = ["manager"] * self.randint(1, 2) + ["reception"] * self.randint(1, 3) + ["cashier"] * self.randint(2, 4)
            roles += ["phone_agent"] * self.randint(2, 5) + ["assessor"] * self.randint(0, 4)
        filler = "assessor" if kind in ("loss_assessment_center", "service_station") else "counter"
        roles = (roles + [filler] * count)[:count]
        letter = self.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
        number = self.randint(1000, 7000)
        self.staff_ids, self.handlers, self.assessors = [], [], []
        w("\nstaff:\n")
        for role in roles:
            number += self.randint(1, 7)
            sid = f"{letter}{number}"
            self.staff_ids.append(sid)
            if role in ("counter", "reception", "manager"):
                self.handlers.append(sid)
            if role in ("assessor", "counter"):
                self.assessors.append(sid)
            w(f"  - id: {sid}\n    role: {role}\n")
            w(f"    uniform: {b(self.ok())}\n    badge: {b(self.ok())}\n    grooming: {b(self.ok())}\n    posture: {b(self.ok())}\n")
            if role not in ("assessor",):
                w(f"    workspace_tidy: {b(self.ok())}\n")
            if role not in ("assessor", "phone_agent"):
                w(f"    stood_to_greet: {b(self.ok())}\n    greeted_first: {b(self.ok())}\n")
            w(f"    smiled: {b(self.ok())}\n    personal_tasks: {b(self.fails(self.rate / 2))}\n")
            if rng.random() < 0.95:
                w(f"    plain_language: {b(self.ok())}\n")
            said = [self.fill(t) for t in rng.sample(UTTERANCES[role], self.choice((1, 1, 1, 2)))]
            if self.fails(self.rate / 2):
                said.insert(self.randint(0, len(said)), self.choice(FORBIDDEN_UTTERANCES))
            w(f"    utterances: {qflow(said)}\n")

    def calls(self):
        rng, w = self.rng, self.out.append
        count = self.randint(5, 10)
        days = sorted(rng.sample(range(1, 30), count), reverse=True)
        w("\ncalls:\n")
        for index, back in enumerate(days, 1):
            day = (self.inspected - dt.timedelta(days=back)).date()
            w(f"  - id: CALL-{day:%m%d}-{index:02d}\n")
            w(f"    rings: {self.randint(4, 7) if self.fails() else rng.choices((1, 2, 3), (50, 35, 15))[0]}\n")
            opening = self.choice(OPENINGS_BAD) if self.fails() else self.choice(OPENINGS_GOOD)
            w(f"    opening: {q(self.fill(opening))}\n")
            known = rng.random()
            if known < 0.85:
                w(f"    surname_used: {b(self.ok())}\n")
            lines = [self.fill(t) for t in rng.sample(TRANSCRIPT, self.choice((1, 2, 2)))]
            if rng.random() < 0.25:
                apologised = self.ok()
                w(f"    apology_when_unable: {b(apologised)}\n")
                topic = self.choice(TOPICS)
                lines.insert(1, f"对不起,您问的{topic}需要向上级核实,我们今天{self.randint(15, 17)}点前给您回电。"
                             if apologised else f"{topic}要问总公司,您再等等吧。")
            w(f"    agent_hung_up_first: {b(self.fails(self.rate / 2))}\n")
            if self.fails(self.rate / 2):
                lines.insert(self.randint(0, len(lines)), self.choice(FORBIDDEN_UTTERANCES))
            w(f"    transcript: {qflow(lines)}\n")

    # -- cases -------------------------------------------------------------------------

    def at(self, day, earliest=None, any_day=False):
        """A moment in office hours on `day` (or the next working day), not before `earliest`."""
        if not any_day:
            day = next_working(day)
        moment = dt.datetime.combine(day, dt.time(8, 30)) + dt.timedelta(minutes=5 * self.randint(0, 107))
        if earliest is not None and moment < earliest + dt.timedelta(minutes=10):
            moment = earliest + dt.timedelta(minutes=5 * self.randint(2, 47))
        return moment

    def done(self, start, last_day, late=False, lag=None):
        """When a step after `start` was completed: by the end of `last_day`, or late."""
        if late:
            return self.at(add_workdays(last_day, self.choice((1, 1, 2, 3))), start)
        span = (last_day - start.date()).days
        if lag is not None:
            span = min(span, lag)
        day = start.date() + dt.timedelta(days=self.randint(0, max(span, 0)))
        if not is_working(day) and next_working(day) <= last_day:
            day = next_working(day)
        return self.at(day, start)

    def cases(self):
        rng, w = self.rng, self.out.append
        count = round(rng.triangular(30, 60, 30))
        inspected = self.inspected.replace(tzinfo=None)
        kinds = rng.choices(["claim", "consultation", "complaint", "policy_service", "new_policy"], (33, 25, 14, 16, 12), k=count)
        backs = sorted((self.randint(1, 7) if rng.random() < 0.12 else self.randint(8, 150) for _ in range(count)), reverse=True)
        w("\ncases:\n")
        for index, (kind, back) in enumerate(zip(kinds, backs), 1):
            day = inspected.date() - dt.timedelta(days=back)
            channel = self.choice(CHANNELS[kind])
            if channel in ("counter", "visit"):       # walk-in business happens on working days
                day = next_working(day)
                while day >= inspected.date() or not is_working(day):
                    day -= ONE_DAY
            received = self.at(day, any_day=True)
            if received >= inspected:
                received = inspected - dt.timedelta(hours=self.randint(2, 20))
            prefix = CASE_PREFIX[kind]
            fields = [("kind", kind), ("channel", channel), ("received_at", self.stamp(received))]
            steps = getattr(self, "case_" + kind)(received)
            for key, value in steps:
                if isinstance(value, dt.datetime):
                    if value > inspected:
                        break            # not happened yet as of the inspection: absent
                    value = self.stamp(value)
                elif isinstance(value, bool):
                    value = b(value)
                fields.append((key, value))
            w(f"  - id: {prefix}-{received:%m%d}-{index:02d}\n")
            w("".join(f"    {k}: {v}\n" for k, v in fields))
            handler = self.choice(self.assessors if kind == "claim" and self.assessors else self.handlers)
            w(f"    handler: {handler}\n")
            if kind != "claim" and rng.random() < 0.12:
                other = self.choice([s for s in self.staff_ids if s != handler])
                w(f"    transferred_to: {other}\n    transfer_confirmed: {b(self.ok())}\n")

    def case_consultation(self, received):
        if self.rng.random() < 0.5:
            return [("answered_on_spot", True)]
        last = add_workdays(received.date(), 2)
        return [("answered_on_spot", False), ("feedback_at", self.done(received, last, self.fails(), lag=2))]

    def case_complaint(self, received):
        rng = self.rng
        on_spot = rng.random() < 0.1
        steps = [("answered_on_spot", on_spot)]
        after = received
        if not on_spot:
            if self.fails():           # more than 24 clock hours: two or three days later
                contact = self.at(received.date() + dt.timedelta(days=self.randint(2, 3)), received)
            else:
                contact = received + dt.timedelta(minutes=5 * self.randint(3, 71))
            feedback = self.done(received, add_workdays(received.date(), 2), self.fails(), lag=2)
            feedback = max(feedback, contact + dt.timedelta(minutes=5 * self.randint(2, 23)))
            steps += [("first_contact_at", contact), ("feedback_at", feedback)]
            after = feedback
        extended = rng.random() < 0.08          # recorded when the customer is told, before the decision
        last = add_days(received.date(), 30 if extended else 15)
        decided = self.done(after, last, self.fails(self.critical))
        resolved = self.at(decided.date() + dt.timedelta(days=self.choice((0, 0, 1, 2))), decided)
        callback = self.done(resolved, add_workdays(resolved.date(), 5), self.fails())
        return steps + [("extension", "once" if extended else "none"), ("decided_at", decided), ("resolved_at", resolved), ("callback_at", callback)]

    def case_claim(self, received):
        rng = self.rng
        requests = 2 if self.fails(self.rate / 2) else rng.choices((0, 1), (35, 65))[0]
        complete = self.at(received.date() + dt.timedelta(days=self.randint(0, 1) if requests == 0 else self.randint(1, 8)), received)
        investigate = rng.random() < 0.25
        steps = [("document_requests", self.document_requests(received, complete, requests)),
                 ("documents_complete_at", complete), ("investigation_required", investigate)]
        if investigate:
            decided = self.done(complete + dt.timedelta(days=3), add_days(complete.date(), 30), self.fails(self.critical))
        else:
            decided = self.done(complete, add_workdays(complete.date(), 3), self.fails(), lag=3)
        if investigate and rng.random() < 0.1:
            advance = self.at(complete.date() + dt.timedelta(days=self.randint(2, 10)), complete)
            if advance < decided:
                steps.append(("advance_paid_at", advance))
        decision = rng.choices(("approved", "partial", "denied"), (75, 12, 13))[0]
        steps += [("decided_at", decided), ("decision", decision)]     # both absent while undecided
        if decision == "denied":
            steps.append(("denial_notice_at", self.done(decided, add_days(decided.date(), 3), self.fails(self.critical), lag=2)))
        else:
            agreed = self.at(decided.date() + dt.timedelta(days=self.randint(0, 3)), decided)
            paid = self.done(agreed, add_days(agreed.date(), 10), self.fails(self.critical), lag=6)
            steps += [("agreed_at", agreed), ("paid_at", paid)]
        return steps

    def document_requests(self, received, complete, count):
        """The requests for more documents as dated periods (SPC2 第十五条): the first notice two
        hours after receipt, the last documents arriving when the file is complete; two requests
        split that span. Dates after the inspection are not known yet (an open request)."""
        if count == 0:
            return "[]"
        first = received + dt.timedelta(hours=2)
        if count == 1:
            spans = [(first, max(complete, first))]
        else:
            middle = max(first + dt.timedelta(hours=1), received + (complete - received) / 2)
            second = min(middle + dt.timedelta(hours=1), max(complete, middle))
            spans = [(first, middle), (second, max(complete, second))]
        inspected = self.inspected.replace(tzinfo=None)
        items = []
        for requested, supplied in spans:
            if requested > inspected:
                break
            item = f"requested_at: {self.stamp(requested)}"
            if supplied <= inspected:
                item += f", supplied_at: {self.stamp(supplied)}"
            items.append("{" + item + "}")
        return "[" + ", ".join(items) + "]"

    def case_policy_service(self, received):
        return [("resolved_at", self.at(received.date() + dt.timedelta(days=self.randint(0, 5)), received))]

    def case_new_policy(self, received):
        long_term = self.rng.random() < (0.8 if self.line == "life" else 0.1)
        return [("long_term", long_term), ("callback_done", self.ok())]


# MARK: - The corpus plan

def allocate(count, weights):
    """Largest-remainder split of `count` by `weights`, every share at least 1 when possible."""
    total = sum(weights)
    shares = [count * w / total for w in weights]
    counts = [int(s) for s in shares]
    if count >= len(weights):
        counts = [max(c, 1) for c in counts]
    order = sorted(range(len(weights)), key=lambda i: (-(shares[i] - int(shares[i])), i))
    i = 0
    while sum(counts) < count:
        counts[order[i % len(order)]] += 1
        i += 1
    while sum(counts) > count:
        j = max(range(len(counts)), key=lambda k: (counts[k], -k))
        counts[j] -= 1
    return counts


def plan_corpus(count, seed):
    rng = random.Random(f"gen-corpus:{seed}")
    start, end = dt.date(2026, 1, 6), dt.date(2026, 10, 30)
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    days = [d for d in days if is_working(d)]
    plans = []
    per_branch = allocate(count, [w for _, _, _, w, _ in BRANCHES])
    for (branch, pinyin, code, _, spec), n in zip(BRANCHES, per_branch):
        cities = parse_cities(spec)
        seqs, inspections = {}, {}
        for _ in range(n):
            city, city_code, districts = rng.choice(cities)
            district, district_code = rng.choice(districts)
            kind = rng.choices(["service_center", "service_hall", "loss_assessment_center", "service_station"], (42, 38, 10, 10))[0]
            if kind == "service_center":
                tier = rng.choices(["none", "standard", "flagship"], (40, 45, 15))[0]
            elif kind == "service_hall":
                tier = rng.choices(["none", "standard", "flagship"], (55, 35, 10))[0]
            else:
                tier = rng.choices(["none", "standard"], (90, 10))[0]
            tag = {"service_center": "", "service_hall": "H", "loss_assessment_center": "DS", "service_station": "ST"}[kind]
            key = (city_code, district_code, tag)
            seqs[key] = seqs.get(key, 0) + 1
            outlet_id = f"{code}-{city_code}-{district_code}-{tag}{seqs[key]:03d}"
            day = rng.choice(days)
            inspections[day] = inspections.get(day, 0) + 1
            moment = dt.datetime.combine(day, dt.time(9, 0)) + dt.timedelta(minutes=rng.randrange(0, 390, 15))
            plans.append({
                "branch": branch, "dir": pinyin, "id": outlet_id, "city": city, "district": district,
                "type": kind, "tier": tier, "seq": seqs[key],
                "inspected": moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8))),
                "inspection_id": f"INS-2026-{code}-{day:%m%d}-{inspections[day]:02d}",
            })
    return plans, rng


# MARK: - Broken files

def break_yaml(text):
    """Drops the closing bracket of the first utterance list: a flow sequence left open."""
    at = text.index("    utterances: [")
    end = text.index("]\n", at)
    return text[:end] + text[end + 1:]


def break_key(text):
    """The spec's own example of a typo that would silently lose evidence."""
    return text.replace("  reception_area_m2:", "  recepton_area_m2:", 1)


def break_date(text):
    """An impossible date in the first case's received_at."""
    return re.sub(r"(received_at: )2\d\d\d-\d\d-\d\d", r"\g<1>2026-02-30", text, count=1)


BREAKERS = [("invalid YAML (unclosed flow sequence)", break_yaml), ("unknown key recepton_area_m2", break_key),
            ("impossible date 2026-02-30", break_date)]


# MARK: - Main

def write_one(job):
    """Writes one report; runs in a worker. Its text depends only on (seed, plan, breaker)."""
    out, seed, plan, breaker = job
    text = Report(random.Random(f"{seed}:{plan['id']}"), plan).build()
    if breaker is not None:
        text = BREAKERS[breaker][1](text)
    data = text.encode("utf-8")
    with open(os.path.join(out, plan["dir"], plan["id"] + ".yaml"), "wb") as f:
        f.write(data)
    return len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Deterministic: the same --count, --seed and --broken give a byte-identical tree.")
    parser.add_argument("--out", required=True, help="output folder (created; must be empty unless --force)")
    parser.add_argument("--count", type=int, required=True, help="number of report files, broken ones included")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--broken", type=int, default=None,
                        help="how many of the files to break (default: one per 500, at least one when count >= 100)")
    parser.add_argument("--force", action="store_true", help="write into a non-empty --out, replacing its reports")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--quiet", action="store_true", help="no summary on stderr")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("--count must be >= 0")
    broken = args.broken if args.broken is not None else max(args.count // 500, 1 if args.count >= 100 else 0)
    if not 0 <= broken <= args.count:
        parser.error("--broken must be between 0 and --count")

    out = pathlib.Path(args.out)
    if out.exists() and any(out.iterdir()) and not args.force:
        parser.error(f"{out} is not empty (use --force to replace its reports)")
    if args.force and out.exists():
        for entry in BRANCHES:
            folder = out / entry[1]
            if folder.is_dir():
                for old in folder.glob("*.yaml"):
                    old.unlink()

    began = time.monotonic()
    plans, rng = plan_corpus(args.count, args.seed)
    broken_at = {index: n % len(BREAKERS) for n, index in enumerate(sorted(rng.sample(range(len(plans)), broken)))}
    for folder in sorted({p["dir"] for p in plans}):
        (out / folder).mkdir(parents=True, exist_ok=True)
    jobs = [(str(out), args.seed, plan, broken_at.get(index)) for index, plan in enumerate(plans)]
    if args.jobs > 1 and len(jobs) >= 200:
        import multiprocessing
        with multiprocessing.Pool(args.jobs) as pool:
            total_bytes = sum(pool.imap_unordered(write_one, jobs, chunksize=50))
    else:
        total_bytes = sum(map(write_one, jobs))
    if not args.quiet:
        mean = total_bytes / len(plans) / 1024 if plans else 0
        print(f"gen-corpus: {len(plans)} reports in {out} ({total_bytes / 1e6:.1f} MB, mean {mean:.1f} KiB), "
              f"{len(broken_at)} broken, seed {args.seed}, {time.monotonic() - began:.1f} s", file=sys.stderr)
        for index, breaker in sorted(broken_at.items()):
            print(f"  broken: {plans[index]['dir']}/{plans[index]['id']}.yaml: {BREAKERS[breaker][0]}", file=sys.stderr)


if __name__ == "__main__":
    main()
