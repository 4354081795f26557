// GENERATED FILE. DO NOT EDIT! Made by scripts/bundle-rules.py from rules/*.yaml.

/// The shipped rule files, embedded so the binary works from any folder.
public enum BundledRules {
    /// (path relative to the repository, contents), sorted by path.
    public static let files: [(path: String, text: String)] = [
        ("rules/build.yaml", #"""
# 服务网点环境建设 — premises rules (CS 第二章). Format: docs/rules.md.
pack: build
version: "1"
description: 服务网点环境建设规范 (中国人寿财产保险股份有限公司客户服务规范 第二章)
rules:
  - id: BLD-LOCATION
    title: {zh: 网点选址交通便利、方便停车, en: Location with transit and parking}
    description: >
      The clause asks for this "as far as possible" (尽量), hence advisory. High foot traffic
      (客流量较大) is not checked: the report has no field for it.
    section: build
    severity: advisory
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.2.1"
      quote: 服务网点应尽量设置在交通便利、客流量较大、方便停车的地段,可与公司办公楼同处一地,也可单独设置,但应便于客户及车辆的出入。
    applies: outlet.hosting == "self_built"
    let:
      lacking_zh: '((premises.transit_nearby ?? true) ? [] : ["交通不便"]) + ((premises.parking ?? true) ? [] : ["不方便停车"])'
      lacking_en: '((premises.transit_nearby ?? true) ? [] : ["no public transport nearby"]) + ((premises.parking ?? true) ? [] : ["no parking"])'
    check: premises.transit_nearby and premises.parking
    message:
      zh: 网点选址{lacking_zh}
      en: "location: {lacking_en}"
    examples:
      pass:
        - {outlet: {hosting: self_built}, premises: {transit_nearby: true, parking: true}}
      fail:
        - {outlet: {hosting: self_built}, premises: {transit_nearby: false, parking: true}}
        - {outlet: {hosting: self_built}, premises: {transit_nearby: true, parking: false}}

  - id: BLD-FLOOR-SIGN
    title: {zh: 非一层网点的一层入口标牌, en: Ground-floor sign for an outlet upstairs}
    description: >
      Any floor other than 1 (basements included) needs the sign; `ground_floor_sign: true` is
      read as a sign that names both the entrance and the floor, as the report has one field
      for both.
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.2.2"
      quote: 网点位于一层以外其他楼层的,应在地面一层入口处设置标牌标明营业职场入口和楼层。
    applies: outlet.floor != 1
    check: premises.ground_floor_sign
    message:
      zh: 网点位于 {outlet.floor} 层,地面一层入口处未设置标明营业职场入口和楼层的标牌
      en: the outlet is on floor {outlet.floor}, but there is no sign at the ground-floor entrance showing the entrance and floor
    examples:
      pass:
        - {outlet: {floor: 3}, premises: {ground_floor_sign: true}}
      fail:
        - {outlet: {floor: 2}, premises: {ground_floor_sign: false}}

  - id: BLD-LIGHTBOX
    title: {zh: 夜间灯箱开启, en: Lightbox on after dark}
    description: >
      The hours are left to the branch (具体时间自定), so the rule takes the inspector's
      after-dark observation as it is: `off` fails; a lightbox not seen after dark should be
      left out of the report (not assessed).
    section: build
    severity: minor
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.2.2"
      quote: 配备灯箱的应保证夜间灯箱开启(具体时间自定)。
    applies: premises.lightbox != "none"
    check: premises.lightbox == "on"
    message:
      zh: 网点配备灯箱,但夜间灯箱未开启
      en: the outlet has a lightbox, but it was off after dark
    examples:
      pass:
        - {premises: {lightbox: "on"}}
      fail:
        - {premises: {lightbox: "off"}}

  - id: BLD-AREA-CENTER
    title: {zh: 客户服务中心接待区域面积, en: Reception area of a customer service centre}
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.2.3"
      quote: 服务网点客户接待区域使用面积(指服务网点内临柜人员作业区域及柜台外客户活动区域面积之和)应至少达到:三级机构客户服务中心:80平方米;四级机构客户服务大厅:20平方米,其他服务网点可酌情参照以上标准。
    applies: outlet.type == "service_center"
    check: premises.reception_area_m2 >= params.min_area_center_m2
    params:
      min_area_center_m2: 80
    message:
      zh: 客户接待区域使用面积 {premises.reception_area_m2} 平方米,低于 {params.min_area_center_m2} 平方米
      en: reception area is {premises.reception_area_m2} m², below {params.min_area_center_m2} m²
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {reception_area_m2: 80}}
        - {outlet: {type: service_center}, premises: {reception_area_m2: 120.5}}
      fail:
        - {outlet: {type: service_center}, premises: {reception_area_m2: 76}}

  - id: BLD-AREA-HALL
    title: {zh: 客户服务大厅接待区域面积, en: Reception area of a service hall}
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.2.3"
      quote: 服务网点客户接待区域使用面积(指服务网点内临柜人员作业区域及柜台外客户活动区域面积之和)应至少达到:三级机构客户服务中心:80平方米;四级机构客户服务大厅:20平方米,其他服务网点可酌情参照以上标准。
    applies: outlet.type == "service_hall"
    check: premises.reception_area_m2 >= params.min_area_hall_m2
    params:
      min_area_hall_m2: 20
    message:
      zh: 客户接待区域使用面积 {premises.reception_area_m2} 平方米,低于 {params.min_area_hall_m2} 平方米
      en: reception area is {premises.reception_area_m2} m², below {params.min_area_hall_m2} m²
    examples:
      pass:
        - {outlet: {type: service_hall}, premises: {reception_area_m2: 20}}
        - {outlet: {type: service_hall}, premises: {reception_area_m2: 35.5}}
      fail:
        - {outlet: {type: service_hall}, premises: {reception_area_m2: 18}}

  - id: BLD-PARTNER-MATERIALS
    title: {zh: 借用职场的宣传资料, en: Company materials at a partner-hosted outlet}
    description: >
      "As far as possible" (尽可能) is read as required for the items the clause names:
      承保理赔流程 as the underwriting and the claims process, and the service hotline; "须及时更新"
      as `postings_current`.
    section: build
    severity: minor
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.2.4"
      quote: 我方借用的服务网点应尽可能张贴摆放承保理赔流程、客户服务电话等我公司宣传资料,且须及时更新。
    applies: outlet.hosting == "partner"
    let:
      required: '["underwriting_process", "claims_process", "service_hotline"]'
      absent_postings: premises.postings.missing(required) ?? []
      current: premises.postings_current ?? true
    check: premises.postings.contains_all(required) and premises.postings_current
    message:
      zh: '{absent_postings.is_empty() ? "" : "缺少宣传资料:"}{absent_postings}{current ? "" : (absent_postings.is_empty() ? "" : ";") + "宣传资料未及时更新"}'
      en: '{absent_postings.is_empty() ? "" : "materials missing: "}{absent_postings}{current ? "" : (absent_postings.is_empty() ? "" : "; ") + "materials not kept up to date"}'
    examples:
      pass:
        - outlet: {hosting: partner}
          premises: {postings: [underwriting_process, claims_process, service_hotline], postings_current: true}
      fail:
        - outlet: {hosting: partner}
          premises: {postings: [underwriting_process, service_hotline], postings_current: true}
        - outlet: {hosting: partner}
          premises: {postings: [underwriting_process, claims_process, service_hotline], postings_current: false}

  - id: BLD-COPIER
    title: {zh: 综合服务网点复印服务, en: Copying for outlets with full service}
    description: >
      "提供综合服务的网点" is read as an outlet offering consultation, underwriting and claims
      documents; "视情况" is not modelled: either a copier on site or a copy service passes.
    section: build
    severity: minor
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.2.5"
      quote: 提供综合服务的网点应视情况配备复印机或为客户提供复印服务。
    applies: outlet.services.contains_all(["consultation", "underwriting", "claims_documents"])
    check: premises.copier != "none"
    message:
      zh: 网点提供综合服务,但未配备复印机,也不为客户提供复印服务
      en: the outlet offers full service but has no copier and no copy service
    examples:
      pass:
        - {outlet: {services: [consultation, underwriting, claims_documents]}, premises: {copier: on_site}}
        - {outlet: {services: [consultation, underwriting, claims_documents, payments]}, premises: {copier: copy_service}}
      fail:
        - {outlet: {services: [consultation, underwriting, claims_documents]}, premises: {copier: none}}

  - id: BLD-SIGNAGE
    title: {zh: 户外店招与营业铭牌, en: Storefront sign and business plaque}
    description: >
      "符合公司标准" is not checked separately: `storefront_sign: true` is taken as a sign to the
      company standard. The plaque may show more than the three items (an address is fine).
    section: build
    severity: major
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.1"
      quote: 门店外墙应悬挂符合公司标准的户外店招、营业铭牌,其中营业铭牌应标注网点名称、营业时间、客服电话。
    applies: outlet.type == "service_center"
    let:
      required: '["name", "hours", "hotline"]'
      plaque_missing: premises.plaque.missing(required) ?? []
      sign_ok: premises.storefront_sign ?? true
    check: premises.storefront_sign and premises.plaque.contains_all(required)
    message:
      zh: '{sign_ok ? "" : "门店外墙未悬挂户外店招"}{sign_ok or plaque_missing.is_empty() ? "" : ";"}{plaque_missing.is_empty() ? "" : "营业铭牌未标注"}{plaque_missing}'
      en: '{sign_ok ? "" : "no storefront sign"}{sign_ok or plaque_missing.is_empty() ? "" : "; "}{plaque_missing.is_empty() ? "" : "business plaque lacks "}{plaque_missing}'
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {storefront_sign: true, plaque: [name, hours, hotline]}}
      fail:
        - {outlet: {type: service_center}, premises: {storefront_sign: false, plaque: [name, hours, hotline]}}
        - {outlet: {type: service_center}, premises: {storefront_sign: true, plaque: [name, hours]}}

  - id: BLD-NAMING
    title: {zh: 网点命名规范, en: Outlet naming}
    description: >
      The name starts with the city, ends with the type's suffix (客户服务中心 or 客户服务站),
      and names the area or place in between. A district is named without 区/县
      (哈尔滨市道里客户服务中心, not 哈尔滨市道里区客户服务中心), except a one-character one,
      whose suffix is part of its name (宾县, 矿区). A customer service centre is named for the
      district it serves: when `outlet.district` is given, the middle part is that district by
      its own name (道里 for 道里区, 滨海 for 滨海新区, 涿州 for 涿州市, 长安 for 长安镇, 长阳
      for 长阳土家族自治县), which a second centre may follow with its street (朝阳学府路), or a
      place whose name says it is one (param place_suffixes: …开发区, …经开区, …镇); a 道里区
      centre named …南岗客户服务中心 fails, and so does a centre named for any other area
      ending in 区/县 (上海市浦东新区… in 黄浦区): the report cannot tell a district from a
      non-administrative 新区 (两江新区), so such a centre name is flagged for review. A service
      station is named for the place it sits in (哈尔滨市恒达客户服务站) and any place name is
      accepted, since the report cannot tell a place from a typo; only its own district
      written with 区/县 (哈尔滨市道里区恒达客户服务站 in 道里区) fails.
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.1"
      quote: 各分公司应统一组织对客户服务中心、客户服务站命名,名称应明显标示网点的主要服务区域或坐落地点,如在哈尔滨市道里区内设置的客户服务中心,名称应为“哈尔滨市道里客户服务中心”;在哈尔滨市道里区恒达4S店内设置的客户服务站,名称应为“哈尔滨市恒达客户服务站”。
    applies: outlet.type in ["service_center", "service_station"]
    let:
      centre: outlet.type == "service_center"
      suffix: 'centre ? "客户服务中心" : "客户服务站"'
      place: outlet.name.remove_prefix(outlet.city).remove_suffix(suffix)
      district: outlet.district ?? ""
      # The district's own name: 道里区 → 道里, 滨海新区 → 滨海, 涿州市 → 涿州, 长安镇 → 长安;
      # a one-character name keeps its suffix (宾县, 矿区).
      stripped: district.remove_any_suffix(params.district_suffixes)
      district_base: 'stripped.size() >= 2 ? stripped : district'
      named_place: params.place_suffixes.any(p, place.ends_with(p))
      shape_ok: >-
        outlet.name.starts_with(outlet.city) and outlet.name.ends_with(suffix)
        and place.size() > 0 and place.size() < outlet.name.size()
      # A district written with its 区/县: the outlet's own (道里区恒达), or, in a centre's name,
      # any area ending so that is neither a one-character county nor a named place.
      with_suffix: >-
        ((district.ends_with("区") or district.ends_with("县")) and district != district_base and place.starts_with(district))
        or (centre and (place.ends_with("区") or place.ends_with("县")) and place.size() > 2 and not named_place)
      other_district: >-
        centre and has(outlet.district) and not named_place and not place.starts_with(district_base)
        and not (place.size() >= 2 and district_base.starts_with(place))
    check: shape_ok and not with_suffix and not other_district
    evidence: outlet.name
    message:
      zh: '网点名称“{outlet.name}”{not (shape_ok ?? true) ? "不符合“城市 + 区域或地点 + " + suffix + "”的命名规范(如“哈尔滨市道里" + suffix + "”)" : ((with_suffix ?? false) ? "中的区县名称应去掉“区/县”(如“哈尔滨市道里" + suffix + "”)" : "中的区域“" + place + "”与网点所在区县“" + (outlet.district ?? "") + "”不符")}'
      en: 'outlet name “{outlet.name}” {not (shape_ok ?? true) ? "does not follow city + area or place + “" + suffix + "” (e.g. 哈尔滨市道里" + suffix + ")" : ((with_suffix ?? false) ? "names a district with 区/县, which the name leaves out (e.g. 哈尔滨市道里" + suffix + ")" : "names the area “" + place + "”, not the outlet’s district “" + (outlet.district ?? "") + "”")}'
    params:
      # How a district's name ends, first match removed: 街道 before 道, 新区 before 区.
      district_suffixes: [街道, 新区, 区, 县, 市, 旗, 镇, 乡]
      # Place names that say they are a place, not a district: a centre may be named for one.
      place_suffixes: [开发区, 高新区, 经开区, 园区, 保税区, 自贸区, 经济区, 工业区, 商务区, 度假区, 小区, 镇, 乡, 街道]
    examples:
      pass:
        - {outlet: {type: service_center, city: 哈尔滨市, district: 道里区, name: 哈尔滨市道里客户服务中心}}
        - {outlet: {type: service_center, city: 哈尔滨市, name: 哈尔滨市道里客户服务中心}}
        - {outlet: {type: service_station, city: 哈尔滨市, district: 道里区, name: 哈尔滨市恒达客户服务站}}
        - {outlet: {type: service_station, city: 哈尔滨市, district: 道里区, name: 哈尔滨市群力新区客户服务站}}
        - {outlet: {type: service_center, city: 哈尔滨市, district: 平房区, name: 哈尔滨市开发区客户服务中心}}
        - {outlet: {type: service_center, city: 北京市, district: 朝阳区, name: 北京市朝阳学府路客户服务中心}}
        - {outlet: {type: service_center, city: 东莞市, district: 长安镇, name: 东莞市长安客户服务中心}}
        - {outlet: {type: service_center, city: 天津市, district: 滨海新区, name: 天津市滨海客户服务中心}}
        - {outlet: {type: service_center, city: 哈尔滨市, district: 宾县, name: 哈尔滨市宾县客户服务中心}}
        - {outlet: {type: service_center, city: 宜昌市, district: 长阳土家族自治县, name: 宜昌市长阳客户服务中心}}
      fail:
        - {outlet: {type: service_center, city: 哈尔滨市, name: 哈尔滨市道里区客户服务中心}}
        - {outlet: {type: service_center, city: 哈尔滨市, district: 道里区, name: 哈尔滨市南岗客户服务中心}}
        - {outlet: {type: service_center, city: 北京市, district: 朝阳区, name: 北京市朝阳区学府路客户服务中心}}
        - {outlet: {type: service_center, city: 上海市, district: 黄浦区, name: 上海市浦东新区客户服务中心}}
        - {outlet: {type: service_center, city: 天津市, district: 滨海新区, name: 天津市滨海新区客户服务中心}}
        - {outlet: {type: service_station, city: 哈尔滨市, district: 道里区, name: 哈尔滨市道里区恒达客户服务站}}
        - {outlet: {type: service_center, city: 哈尔滨市, district: 宾县, name: 哈尔滨市宾客户服务中心}}
        - {outlet: {type: service_center, city: 哈尔滨市, name: 道里客户服务中心}}
        - {outlet: {type: service_station, city: 哈尔滨市, name: 哈尔滨市恒达客户服务中心}}
        - {outlet: {type: service_center, city: 哈尔滨市, name: 哈尔滨市客户服务中心}}

  - id: BLD-CLEAN
    title: {zh: 公共区域干净整洁, en: Public areas clean and orderly}
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.2"
      quote: 公共区域(包括职场外)须保持干净、整洁、美观,秩序井然。
    check: premises.clean
    message:
      zh: 公共区域(包括职场外)未保持干净、整洁、美观,秩序井然
      en: public areas (outside included) were not clean, tidy and orderly
    examples:
      pass:
        - {premises: {clean: true}}
      fail:
        - {premises: {clean: false}}

  - id: BLD-FACADE
    title: {zh: 外立面风格符合公司要求, en: Facade per company style}
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.3"
      quote: 服务网点外立面风格,包括墙面、电梯间、包柱、门、窗、家具等颜色和装修风格,须符合公司相关要求。
    applies: outlet.hosting == "self_built"
    check: premises.facade_compliant
    message:
      zh: 服务网点外立面风格(墙面、电梯间、包柱、门、窗、家具等颜色和装修风格)不符合公司相关要求
      en: the facade, colours and furnishing (walls, lift lobby, pillars, doors, windows, furniture) do not follow the company style
    examples:
      pass:
        - {outlet: {hosting: self_built}, premises: {facade_compliant: true}}
      fail:
        - {outlet: {hosting: self_built}, premises: {facade_compliant: false}}

  - id: BLD-AIR-PLANTS
    title: {zh: 空气清新、摆放绿色植物, en: Fresh air and plants}
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.4"
      quote: 网点内须保持空气清新、无异味,应放置用于美化环境的绿色植物(人造植物亦可)。
    applies: outlet.hosting == "self_built"
    let:
      lacking_zh: '((premises.air_fresh ?? true) ? [] : ["空气不清新或有异味"]) + ((premises.plants ?? true) ? [] : ["未放置绿色植物"])'
      lacking_en: '((premises.air_fresh ?? true) ? [] : ["air not fresh"]) + ((premises.plants ?? true) ? [] : ["no plants"])'
    check: premises.air_fresh and premises.plants
    message:
      zh: 网点内{lacking_zh}
      en: "inside the outlet: {lacking_en}"
    examples:
      pass:
        - {outlet: {hosting: self_built}, premises: {air_fresh: true, plants: true}}
      fail:
        - {outlet: {hosting: self_built}, premises: {air_fresh: false, plants: true}}
        - {outlet: {hosting: self_built}, premises: {air_fresh: true, plants: false}}

  - id: BLD-ZONES-CENTER
    title: {zh: 客户服务中心功能区, en: Zones of a customer service centre}
    section: build
    severity: major
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.5"
      quote: 客户服务中心应设立业务受理区、收银区、客户休息区、VIP大客户室。
    applies: outlet.type == "service_center"
    let:
      required: '["business_acceptance", "cashier", "rest_area", "vip_room"]'
    check: premises.zones.contains_all(required)
    message:
      zh: 缺少功能区:{premises.zones.missing(required)}
      en: "zones missing: {premises.zones.missing(required)}"
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {zones: [business_acceptance, cashier, rest_area, vip_room]}}
      fail:
        - {outlet: {type: service_center}, premises: {zones: [business_acceptance, cashier, rest_area, vip_area]}}

  - id: BLD-COUNTERS
    title: {zh: 业务受理区柜台配置, en: Counters of the business acceptance zone}
    description: >
      Applies to service centres only, as the catalog says, although CS 2.3.3.2 and 2.3.4.3
      give halls and loss-assessment centres the same business acceptance zone requirements.
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.5"
      quote: 业务受理区须采用开放式矮柜,柜面电脑采用液晶显示屏,柜台前须配有座椅。
    applies: outlet.type == "service_center"
    let:
      lacking_zh: >-
        ((premises.counters.open_low ?? true) ? [] : ["未采用开放式矮柜"])
        + ((premises.counters.lcd_monitors ?? true) ? [] : ["柜面电脑未采用液晶显示屏"])
        + ((premises.counters.chairs ?? true) ? [] : ["柜台前未配座椅"])
      lacking_en: >-
        ((premises.counters.open_low ?? true) ? [] : ["counters are not open low counters"])
        + ((premises.counters.lcd_monitors ?? true) ? [] : ["no LCD monitors"])
        + ((premises.counters.chairs ?? true) ? [] : ["no chairs in front of the counters"])
    check: premises.counters.open_low and premises.counters.lcd_monitors and premises.counters.chairs
    message:
      zh: 业务受理区:{lacking_zh}
      en: "business acceptance zone: {lacking_en}"
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {counters: {open_low: true, lcd_monitors: true, chairs: true}}}
      fail:
        - {outlet: {type: service_center}, premises: {counters: {open_low: false, lcd_monitors: true, chairs: true}}}
        - {outlet: {type: service_center}, premises: {counters: {open_low: true, lcd_monitors: true, chairs: false}}}

  - id: BLD-REST-AREA
    title: {zh: 客户休息区设施, en: Rest area facilities}
    description: >
      Applies to any outlet with a rest area (halls and loss-assessment centres take the
      centre's rest area requirements, CS 2.3.3.2, 2.3.4.3). Drinking water is taken as
      covered by the water dispenser; `cups` means enough disposable cups.
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.5"
      quote: 客户休息区须配备沙发/等候椅、饮水机等方便客户临时休息的设施,并保证饮用水、一次性水杯的充足。
    applies: premises.zones.contains("rest_area")
    let:
      lacking_zh: >-
        ((premises.rest_area.seating ?? true) ? [] : ["未配备沙发/等候椅"])
        + ((premises.rest_area.water_dispenser ?? true) ? [] : ["未配备饮水机"])
        + ((premises.rest_area.cups ?? true) ? [] : ["一次性水杯不足"])
      lacking_en: >-
        ((premises.rest_area.seating ?? true) ? [] : ["no sofa or waiting chairs"])
        + ((premises.rest_area.water_dispenser ?? true) ? [] : ["no water dispenser"])
        + ((premises.rest_area.cups ?? true) ? [] : ["not enough disposable cups"])
    check: premises.rest_area.seating and premises.rest_area.water_dispenser and premises.rest_area.cups
    message:
      zh: 客户休息区:{lacking_zh}
      en: "rest area: {lacking_en}"
    examples:
      pass:
        - premises:
            zones: [business_acceptance, rest_area]
            rest_area: {seating: true, water_dispenser: true, cups: true}
      fail:
        - premises:
            zones: [business_acceptance, rest_area]
            rest_area: {seating: true, water_dispenser: false, cups: true}
        - premises:
            zones: [rest_area]
            rest_area: {seating: false, water_dispenser: true, cups: false}

  - id: BLD-CASHIER-ENCLOSED
    title: {zh: 现金收银区封闭式柜台, en: Enclosed cashier counter for cash}
    section: build
    severity: critical
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.6"
      quote: 提供现金收付的网点,收银区须设置为封闭式柜台。
    applies: outlet.services.contains("cash")
    check: premises.cashier_enclosed
    message:
      zh: 网点提供现金收付,但收银区未设置为封闭式柜台
      en: the outlet handles cash, but the cashier counter is not enclosed
    examples:
      pass:
        - {outlet: {services: [payments, cash]}, premises: {cashier_enclosed: true}}
      fail:
        - {outlet: {services: [payments, cash]}, premises: {cashier_enclosed: false}}

  - id: BLD-VIP-ROOM
    title: {zh: VIP大客户室配置, en: VIP room furnishing}
    description: >
      The "business style" (整体表现商务风格) is not assessed: the report has no field for it.
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.6"
      quote: VIP大客户室须配置沙发、茶几、绿色植物,整体表现商务风格。
    applies: premises.zones.contains("vip_room")
    let:
      lacking_zh: >-
        ((premises.vip_room.sofa ?? true) ? [] : ["沙发"])
        + ((premises.vip_room.tea_table ?? true) ? [] : ["茶几"])
        + ((premises.vip_room.plants ?? true) ? [] : ["绿色植物"])
      lacking_en: >-
        ((premises.vip_room.sofa ?? true) ? [] : ["sofa"])
        + ((premises.vip_room.tea_table ?? true) ? [] : ["tea table"])
        + ((premises.vip_room.plants ?? true) ? [] : ["plants"])
    check: premises.vip_room.sofa and premises.vip_room.tea_table and premises.vip_room.plants
    message:
      zh: VIP大客户室未配置:{lacking_zh}
      en: "VIP room lacks: {lacking_en}"
    examples:
      pass:
        - premises:
            zones: [vip_room]
            vip_room: {sofa: true, tea_table: true, plants: true}
      fail:
        - premises:
            zones: [vip_room]
            vip_room: {sofa: true, tea_table: false, plants: true}

  - id: BLD-POSTINGS
    title: {zh: 宣传材料悬挂齐全, en: Required postings on the wall}
    section: build
    severity: major
    tier: standard
    cite:
      source: CS, LB
      document: 中国人寿财产保险股份有限公司客户服务规范;人身保险业务基本服务规定(保监会令2010年第4号)
      clause: CS 2.3.1.7;LB 第三条
      quote: 客户服务中心内须悬挂投保流程、理赔流程、理赔资料说明、客户服务承诺、客户服务电话、服务人员监督板(带照片)等宣传材料,须放置在客户易于查阅的地方并及时更新。……保险公司的营业场所应当设置醒目的服务标识牌,对服务的内容、流程及监督电话等进行公示
    applies: outlet.type in ["service_center", "service_hall"]
    let:
      required: '["underwriting_process", "claims_process", "claims_documents", "service_commitment", "service_hotline", "supervision_board"]'
    check: premises.postings.contains_all(required)
    message:
      zh: 缺少宣传材料:{premises.postings.missing(required)}
      en: "postings missing: {premises.postings.missing(required)}"
    examples:
      pass:
        - outlet: {type: service_center}
          premises:
            postings: [underwriting_process, claims_process, claims_documents, service_commitment, service_hotline, supervision_board]
      fail:
        - outlet: {type: service_hall}
          premises:
            postings: [underwriting_process, claims_process, claims_documents, service_commitment, service_hotline]
        - {outlet: {type: service_center}, premises: {postings: []}}

  - id: BLD-POSTINGS-CURRENT
    title: {zh: 宣传材料及时更新, en: Postings kept up to date}
    description: >
      Applies to every outlet with postings, whatever its type; at a partner-hosted outlet
      this overlaps BLD-PARTNER-MATERIALS, which also requires current materials (CS 2.2.4).
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.7"
      quote: 客户服务中心内须悬挂投保流程、理赔流程……等宣传材料,须放置在客户易于查阅的地方并及时更新。
    applies: premises.postings.size() > 0
    check: premises.postings_current
    message:
      zh: 悬挂的宣传材料({premises.postings})未及时更新
      en: "the postings ({premises.postings}) are not up to date"
    examples:
      pass:
        - {premises: {postings: [claims_process, service_hotline], postings_current: true}}
      fail:
        - {premises: {postings: [claims_process, service_hotline], postings_current: false}}

  - id: BLD-OPINION-BOOK
    title: {zh: 客户意见簿或投诉意见箱, en: Opinion book or complaint box}
    description: >
      Any opinion book passes, wherever it lies (the clause puts it in the rest area; the report
      does not say where); LB 第三条 accepts a complaint box instead (`complaint_box`), so
      either one passes.
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS, LB
      document: 中国人寿财产保险股份有限公司客户服务规范;人身保险业务基本服务规定(保监会令2010年第4号)
      clause: CS 2.3.1.8;LB 第三条
      quote: 客户休息区须配置公司标准客户意见簿。……并设置投诉意见箱或者客户意见簿
    applies: outlet.type in ["service_center", "service_hall"]
    check: premises.opinion_book or premises.complaint_box
    message:
      zh: 未配置客户意见簿,也未设置投诉意见箱
      en: neither a customer opinion book nor a complaint box
    examples:
      pass:
        - {outlet: {type: service_hall}, premises: {opinion_book: true}}
        - {outlet: {type: service_center}, premises: {opinion_book: false, complaint_box: true}}
      fail:
        - {outlet: {type: service_center}, premises: {opinion_book: false, complaint_box: false}}

  - id: BLD-COUNTER-SIGNS
    title: {zh: 客户服务中心柜面标牌, en: Counter signs of a customer service centre}
    description: >
      More detailed signs (如有必要可进一步细化) are allowed; the four named ones are required.
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.9"
      quote: 客户服务中心柜面应设置客户接待、承保、理赔、收付等标牌,如有必要可进一步细化标牌内容。
    applies: outlet.type == "service_center"
    let:
      required: '["reception", "underwriting", "claims", "payments"]'
    check: premises.counter_signs.contains_all(required)
    message:
      zh: 柜面缺少标牌:{premises.counter_signs.missing(required)}
      en: "counter signs missing: {premises.counter_signs.missing(required)}"
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {counter_signs: [reception, underwriting, claims, payments]}}
        - {outlet: {type: service_center}, premises: {counter_signs: [reception, underwriting, claims, payments, documents]}}
      fail:
        - {outlet: {type: service_center}, premises: {counter_signs: [underwriting, claims]}}

  - id: BLD-DESK-PLATES
    title: {zh: 桌牌整齐并镶嵌工卡, en: Desk plates uniform with staff cards}
    section: build
    severity: minor
    tier: standard
    cite:
      source: CS, LB
      document: 中国人寿财产保险股份有限公司客户服务规范;人身保险业务基本服务规定(保监会令2010年第4号)
      clause: CS 2.3.1.10;LB 第三条
      quote: 桌牌摆放要求整齐划一,镶嵌柜面人员工卡,营业时间内不得随意摘掉。……保险公司的柜台服务人员应当佩戴或者在柜台前放置标明身份的标识卡
    applies: outlet.type in ["service_center", "service_hall"]
    let:
      lacking_zh: '((premises.desk_plates.uniform ?? true) ? [] : ["摆放不整齐划一"]) + ((premises.desk_plates.staff_card ?? true) ? [] : ["未镶嵌柜面人员工卡"])'
      lacking_en: '((premises.desk_plates.uniform ?? true) ? [] : ["not uniform"]) + ((premises.desk_plates.staff_card ?? true) ? [] : ["no staff card in the plate"])'
    check: premises.desk_plates.uniform and premises.desk_plates.staff_card
    message:
      zh: 桌牌{lacking_zh}
      en: "desk plates: {lacking_en}"
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {desk_plates: {uniform: true, staff_card: true}}}
      fail:
        - {outlet: {type: service_hall}, premises: {desk_plates: {uniform: false, staff_card: true}}}
        - {outlet: {type: service_center}, premises: {desk_plates: {uniform: true, staff_card: false}}}

  - id: BLD-SUSPEND-SIGN
    title: {zh: 暂停办公标牌, en: Counter closed sign}
    description: >
      A suspended counter passes only with the 暂停办公 sign shown and the same service offered
      at another counter; without the latter the counter should not have been suspended.
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.1.10"
      quote: 营业时间内,因特殊原因暂时无法受理业务的柜台须在暂停办理业务时起摆放“暂停办公”标牌,恢复办理业务时撤掉“暂停办公”标牌。摆放“暂停办公”标志牌须以有其他人员办理相同业务为前提。
    for_each: premises.suspended_counters
    let:
      lacking_zh: '((it.sign_shown ?? true) ? [] : ["未摆放“暂停办公”标牌"]) + ((it.same_service_elsewhere ?? true) ? [] : ["无其他人员办理相同业务"])'
      lacking_en: '((it.sign_shown ?? true) ? [] : ["no counter-closed sign shown"]) + ((it.same_service_elsewhere ?? true) ? [] : ["no other counter offers the same service"])'
    check: it.sign_shown and it.same_service_elsewhere
    message:
      zh: 暂停办理业务的柜台 {it.counter}:{lacking_zh}
      en: "suspended counter {it.counter}: {lacking_en}"
    examples:
      pass:
        - premises:
            suspended_counters:
              - {counter: "3", sign_shown: true, same_service_elsewhere: true}
              - {counter: "5", sign_shown: true, same_service_elsewhere: true}
      fail:
        - premises:
            suspended_counters:
              - {counter: "3", sign_shown: true, same_service_elsewhere: true}
              - {counter: "5", sign_shown: false, same_service_elsewhere: true}
        - premises:
            suspended_counters:
              - {counter: "2", sign_shown: true, same_service_elsewhere: false}

  - id: BLD-FLAGSHIP-GROUND
    title: {zh: 旗舰店一层临街, en: Flagship on the ground floor facing the street}
    description: >
      The clause says "as far as possible" (尽量), hence advisory: it never blocks flagship
      qualification; a failure is listed as advice in the tier result. Ground floor means
      `floor == 1`.
    section: build
    severity: advisory
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.2.1"
      quote: 尽量选择一层临街门店作为对外营业职场。
    applies: outlet.type in ["service_center", "service_hall"]
    check: outlet.floor == 1 and outlet.street_facing
    message:
      zh: '对外营业职场不是一层临街门店({has(outlet.floor) ? "位于 " + (outlet.floor == 1 ? "一" : "非一") + " 层" : "楼层未记录"}{has(outlet.street_facing) ? (outlet.street_facing ? ",临街" : ",不临街") : ""})'
      en: 'the outlet is not a street-facing ground-floor shop ({has(outlet.floor) ? (outlet.floor == 1 ? "ground floor" : "not on the ground floor") : "floor not recorded"}{has(outlet.street_facing) ? (outlet.street_facing ? ", street facing" : ", not street facing") : ""})'
    examples:
      pass:
        - {outlet: {type: service_center, floor: 1, street_facing: true}}
      fail:
        - {outlet: {type: service_center, floor: 2, street_facing: true}}
        - {outlet: {type: service_hall, floor: 1, street_facing: false}}

  - id: BLD-FLAGSHIP-SIGNAGE
    title: {zh: 旗舰店灯箱门头与营业铭牌, en: Flagship lightbox sign and plaque}
    description: >
      "有灯箱功能的户外门头" is read as a lightbox present (`on` or `off`; whether it is lit is
      BLD-LIGHTBOX); the storefront sign itself is checked by BLD-SIGNAGE and BLD-HALL-SIGN.
    section: build
    severity: major
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.2.2"
      quote: 门口外墙应悬挂符合公司标准、有灯箱功能的户外门头,悬挂营业铭牌,标注网点名称、营业时间、客服电话、网点地址。
    applies: outlet.type in ["service_center", "service_hall"]
    let:
      required: '["name", "hours", "hotline", "address"]'
      plaque_missing: premises.plaque.missing(required) ?? []
      box_ok: (premises.lightbox != "none") ?? true
    check: premises.lightbox != "none" and premises.plaque.contains_all(required)
    message:
      zh: '{box_ok ? "" : "户外门头无灯箱功能"}{box_ok or plaque_missing.is_empty() ? "" : ";"}{plaque_missing.is_empty() ? "" : "营业铭牌未标注"}{plaque_missing}'
      en: '{box_ok ? "" : "the storefront sign has no lightbox"}{box_ok or plaque_missing.is_empty() ? "" : "; "}{plaque_missing.is_empty() ? "" : "business plaque lacks "}{plaque_missing}'
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {lightbox: "on", plaque: [name, hours, hotline, address]}}
        - {outlet: {type: service_hall}, premises: {lightbox: "off", plaque: [name, hours, hotline, address]}}
      fail:
        - {outlet: {type: service_center}, premises: {lightbox: none, plaque: [name, hours, hotline, address]}}
        - {outlet: {type: service_center}, premises: {lightbox: "on", plaque: [name, hours, hotline]}}

  - id: BLD-ZONES-FLAGSHIP
    title: {zh: 旗舰店功能区, en: Zones of a flagship}
    description: >
      A combined self-service and form-filling area (allowed by the clause) is recorded with
      both zone tokens; that each keeps its own functions is checked by BLD-SELF-SERVICE and
      BLD-FORM-DESK.
    section: build
    severity: major
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.2.3"
      quote: 旗舰店须设置客户接待区、业务受理区、收银区、客户休息区、VIP大客户室、自助区、资料填写区(自助区和资料填写区可合并设置,但应具备各自服务功能)。
    applies: outlet.type in ["service_center", "service_hall"]
    let:
      required: '["reception", "business_acceptance", "cashier", "rest_area", "vip_room", "self_service", "form_filling"]'
    check: premises.zones.contains_all(required)
    message:
      zh: 缺少旗舰店功能区:{premises.zones.missing(required)}
      en: "flagship zones missing: {premises.zones.missing(required)}"
    examples:
      pass:
        - outlet: {type: service_center}
          premises: {zones: [reception, business_acceptance, cashier, rest_area, vip_room, self_service, form_filling]}
      fail:
        - outlet: {type: service_hall}
          premises: {zones: [business_acceptance, cashier, rest_area, vip_area]}

  - id: BLD-RECEPTION-DESK
    title: {zh: 接待台位于第一视线范围, en: Reception desk in first line of sight}
    description: >
      "原则上" is not modelled: a reception desk out of sight, or none, fails.
    section: build
    severity: minor
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.2.4"
      quote: 接待区须设置接待台,原则上应设置在客户进入职场后第一视线范围之内。
    applies: outlet.type in ["service_center", "service_hall"]
    check: premises.reception_desk_visible
    message:
      zh: 接待台未设置在客户进入职场后的第一视线范围之内(或未设置接待台)
      en: the reception desk is not in the customer's first line of sight on entering (or there is none)
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {reception_desk_visible: true}}
      fail:
        - {outlet: {type: service_hall}, premises: {reception_desk_visible: false}}

  - id: BLD-SELF-SERVICE
    title: {zh: 自助区设备, en: Self-service equipment}
    section: build
    severity: minor
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.2.6"
      quote: 自助区须有可连接公司网站的电脑和电话。
    applies: outlet.type in ["service_center", "service_hall"]
    let:
      lacking_zh: '((premises.self_service.web_pc ?? true) ? [] : ["可连接公司网站的电脑"]) + ((premises.self_service.phone ?? true) ? [] : ["电话"])'
      lacking_en: '((premises.self_service.web_pc ?? true) ? [] : ["a PC that reaches the company website"]) + ((premises.self_service.phone ?? true) ? [] : ["a phone"])'
    check: premises.self_service.web_pc and premises.self_service.phone
    message:
      zh: 自助区缺少:{lacking_zh}
      en: "self-service area lacks: {lacking_en}"
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {self_service: {web_pc: true, phone: true}}}
      fail:
        - {outlet: {type: service_center}, premises: {self_service: {web_pc: false, phone: true}}}
        - {outlet: {type: service_hall}, premises: {self_service: {web_pc: true, phone: false}}}

  - id: BLD-FORM-DESK
    title: {zh: 资料填写台, en: Form-filling desk}
    description: >
      Stationery and sample forms may be at the rest area or the form desk (CS 2.3.2.7 says
      客户休息区/资料填写区); the report records them at the form desk, and `samples: true` is
      taken to mean they are stuck on the desk top.
    section: build
    severity: minor
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: 2.3.2.6–2.3.2.7
      quote: 资料填写区须设置填写台,台面下方放置资料和业务表格。……客户休息区/资料填写区须提供书写的文具和单证填写样本,粘贴在书写桌面上,便于客户使用和参阅。
    applies: outlet.type in ["service_center", "service_hall"]
    let:
      lacking_zh: >-
        ((premises.form_desk.forms ?? true) ? [] : ["资料和业务表格"])
        + ((premises.form_desk.stationery ?? true) ? [] : ["书写文具"])
        + ((premises.form_desk.samples ?? true) ? [] : ["单证填写样本"])
      lacking_en: >-
        ((premises.form_desk.forms ?? true) ? [] : ["forms"])
        + ((premises.form_desk.stationery ?? true) ? [] : ["stationery"])
        + ((premises.form_desk.samples ?? true) ? [] : ["sample forms"])
    check: premises.form_desk.forms and premises.form_desk.stationery and premises.form_desk.samples
    message:
      zh: 资料填写台缺少:{lacking_zh}
      en: "form desk lacks: {lacking_en}"
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {form_desk: {forms: true, stationery: true, samples: true}}}
      fail:
        - {outlet: {type: service_center}, premises: {form_desk: {forms: false, stationery: true, samples: true}}}
        - {outlet: {type: service_hall}, premises: {form_desk: {forms: true, stationery: false, samples: false}}}

  - id: BLD-FLAGSHIP-COPIER
    title: {zh: 旗舰店复印服务, en: Flagship copier or copy service}
    section: build
    severity: minor
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.2.10"
      quote: 旗舰店须配备方便客户办理业务的复印机或主动代替客户到公司办公职场复印。
    applies: outlet.type in ["service_center", "service_hall"]
    check: premises.copier != "none"
    message:
      zh: 未配备复印机,也不代替客户复印
      en: no copier and no copy service for customers
    examples:
      pass:
        - {outlet: {type: service_center}, premises: {copier: copy_service}}
      fail:
        - {outlet: {type: service_hall}, premises: {copier: none}}

  - id: BLD-AMENITIES
    title: {zh: 旗舰店便民设备, en: Flagship amenities}
    description: >
      帮助客户测算保费的计算机 is the `premium_calculator` amenity; the optional devices of the
      next sentence (有条件的还可以配置: TV, rating device, …) are not required.
    section: build
    severity: minor
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.2.11"
      quote: 客户服务中心旗舰店应配置资料架、报纸夹、告示板以及帮助客户测算保费的计算机、挂钟、便民服务箱(包括老花镜、地图、电话号码簿、小药箱、简易针线包)等设备。
    applies: outlet.type in ["service_center", "service_hall"]
    let:
      required: '["info_rack", "newspaper_holder", "notice_board", "premium_calculator", "wall_clock", "convenience_box"]'
    check: premises.amenities.contains_all(required)
    message:
      zh: 缺少便民设备:{premises.amenities.missing(required)}
      en: "amenities missing: {premises.amenities.missing(required)}"
    examples:
      pass:
        - outlet: {type: service_center}
          premises: {amenities: [info_rack, newspaper_holder, notice_board, premium_calculator, wall_clock, convenience_box, tv]}
      fail:
        - outlet: {type: service_center}
          premises: {amenities: [info_rack, notice_board, premium_calculator, wall_clock]}

  - id: BLD-CONVENIENCE-BOX
    title: {zh: 便民服务箱物品, en: Convenience box contents}
    section: build
    severity: advisory
    tier: flagship
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.2.11"
      quote: 客户服务中心旗舰店应配置……便民服务箱(包括老花镜、地图、电话号码簿、小药箱、简易针线包)等设备。
    applies: outlet.type in ["service_center", "service_hall"] and premises.amenities.contains("convenience_box")
    let:
      required: '["reading_glasses", "map", "phone_directory", "first_aid_kit", "sewing_kit"]'
    check: premises.convenience_box.contains_all(required)
    message:
      zh: 便民服务箱缺少:{premises.convenience_box.missing(required)}
      en: "convenience box lacks: {premises.convenience_box.missing(required)}"
    examples:
      pass:
        - outlet: {type: service_center}
          premises:
            amenities: [convenience_box]
            convenience_box: [reading_glasses, map, phone_directory, first_aid_kit, sewing_kit]
      fail:
        - outlet: {type: service_hall}
          premises:
            amenities: [convenience_box]
            convenience_box: [reading_glasses, map, first_aid_kit]

  - id: BLD-HALL-SIGN
    title: {zh: 客户服务大厅户外门头, en: Storefront sign of a service hall}
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.3.1"
      quote: 门店外墙应悬挂符合公司标准的户外门头。
    applies: outlet.type == "service_hall"
    check: premises.storefront_sign
    message:
      zh: 门店外墙未悬挂符合公司标准的户外门头
      en: no storefront sign to the company standard on the outside wall
    examples:
      pass:
        - {outlet: {type: service_hall}, premises: {storefront_sign: true}}
      fail:
        - {outlet: {type: service_hall}, premises: {storefront_sign: false}}

  - id: BLD-ZONES-HALL
    title: {zh: 客户服务大厅功能区, en: Zones of a service hall}
    description: >
      A full VIP room (vip_room) is accepted in place of the semi-enclosed VIP area (vip_area);
      the VIP area's table and chairs are not checked (the report has no field for them).
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.3.2"
      quote: 客户服务大厅服务区域须包括:业务受理区、收银区、客户休息区、VIP服务区,业务受理区、收银区、客户休息区要求同客户服务中心标准店对应区域,VIP服务区可为半封闭空间,内配置桌、椅。
    applies: outlet.type == "service_hall"
    let:
      required: '["business_acceptance", "cashier", "rest_area"]'
      vip: '["vip_area", "vip_room"]'
      zones_missing: premises.zones.missing(required) ?? []
      vip_ok: premises.zones.contains_any(vip) ?? true
    check: premises.zones.contains_all(required) and premises.zones.contains_any(vip)
    message:
      zh: '{zones_missing.is_empty() ? "" : "缺少功能区:"}{zones_missing}{vip_ok ? "" : (zones_missing.is_empty() ? "" : ";") + "缺少VIP服务区(或VIP大客户室)"}'
      en: '{zones_missing.is_empty() ? "" : "zones missing: "}{zones_missing}{vip_ok ? "" : (zones_missing.is_empty() ? "" : "; ") + "no VIP area (or VIP room)"}'
    examples:
      pass:
        - {outlet: {type: service_hall}, premises: {zones: [business_acceptance, cashier, rest_area, vip_area]}}
        - {outlet: {type: service_hall}, premises: {zones: [business_acceptance, cashier, rest_area, vip_room]}}
      fail:
        - {outlet: {type: service_hall}, premises: {zones: [business_acceptance, rest_area, vip_area]}}
        - {outlet: {type: service_hall}, premises: {zones: [business_acceptance, cashier, rest_area]}}

  - id: BLD-HALL-SIGNS
    title: {zh: 客户服务大厅吊牌, en: Counter signs of a service hall}
    description: >
      Hanging signs (吊牌) are recorded as `counter_signs`, the report's one field for signs
      over or on the counters.
    section: build
    severity: minor
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.3.4"
      quote: 客户服务大厅须设置承保、单证收集、收付等吊牌;桌牌要求同客户服务中心标准店。
    applies: outlet.type == "service_hall"
    let:
      required: '["underwriting", "documents", "payments"]'
    check: premises.counter_signs.contains_all(required)
    message:
      zh: 缺少吊牌:{premises.counter_signs.missing(required)}
      en: "counter signs missing: {premises.counter_signs.missing(required)}"
    examples:
      pass:
        - {outlet: {type: service_hall}, premises: {counter_signs: [underwriting, documents, payments]}}
      fail:
        - {outlet: {type: service_hall}, premises: {counter_signs: [underwriting, claims]}}

  - id: BLD-LAC-SIGN
    title: {zh: 定损中心户外门头或立地形象立柱, en: Loss-assessment centre sign or pillar}
    description: >
      The report cannot tell whether the wall could take a sign, so a standing pillar is
      accepted whenever there is no storefront sign.
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.4.1"
      quote: 门店外墙应悬挂符合公司标准的户外门头。如门口外墙无法悬挂,则须使用定损中心立地形象立柱。
    applies: outlet.type == "loss_assessment_center"
    check: premises.storefront_sign or premises.standing_pillar
    message:
      zh: 门店外墙未悬挂户外门头,也未使用定损中心立地形象立柱
      en: no storefront sign and no standing pillar
    examples:
      pass:
        - {outlet: {type: loss_assessment_center}, premises: {storefront_sign: true}}
        - {outlet: {type: loss_assessment_center}, premises: {storefront_sign: false, standing_pillar: true}}
      fail:
        - {outlet: {type: loss_assessment_center}, premises: {storefront_sign: false, standing_pillar: false}}

  - id: BLD-LAC-PLAQUE
    title: {zh: 定损中心营业铭牌, en: Loss-assessment centre plaque}
    description: >
      `plaque: []` is read as "no plaque can be hung outside", so opening hours posted inside
      pass; the report cannot tell that from a plaque simply not hung. A plaque that is hung
      must show all three items, hours posted inside or not.
    section: build
    severity: minor
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.4.2"
      quote: 门店外墙应悬挂营业铭牌,标注营业时间、客服电话、定损中心名称。如无法在外墙悬挂则应在店内公示营业时间。
    applies: outlet.type == "loss_assessment_center"
    let:
      required: '["hours", "hotline", "name"]'
    check: 'premises.plaque.is_empty() ? premises.hours_posted_inside : premises.plaque.contains_all(required)'
    message:
      zh: '{premises.plaque.is_empty() ? "未悬挂营业铭牌,店内也未公示营业时间" : "营业铭牌未标注"}{premises.plaque.is_empty() ? [] : premises.plaque.missing(required)}'
      en: '{premises.plaque.is_empty() ? "no business plaque, and opening hours are not posted inside" : "business plaque lacks "}{premises.plaque.is_empty() ? [] : premises.plaque.missing(required)}'
    examples:
      pass:
        - {outlet: {type: loss_assessment_center}, premises: {plaque: [name, hours, hotline]}}
        - {outlet: {type: loss_assessment_center}, premises: {plaque: [], hours_posted_inside: true}}
      fail:
        - {outlet: {type: loss_assessment_center}, premises: {plaque: [name, hours]}}
        - {outlet: {type: loss_assessment_center}, premises: {plaque: [], hours_posted_inside: false}}

  - id: BLD-ZONES-LAC
    title: {zh: 定损中心功能区, en: Zones of a loss-assessment centre}
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.4.3"
      quote: 定损中心服务区域须包括业务受理区、客户休息区,要求同客户服务中心标准店对应区域。
    applies: outlet.type == "loss_assessment_center"
    let:
      required: '["business_acceptance", "rest_area"]'
    check: premises.zones.contains_all(required)
    message:
      zh: 缺少功能区:{premises.zones.missing(required)}
      en: "zones missing: {premises.zones.missing(required)}"
    examples:
      pass:
        - {outlet: {type: loss_assessment_center}, premises: {zones: [business_acceptance, rest_area]}}
      fail:
        - {outlet: {type: loss_assessment_center}, premises: {zones: [business_acceptance]}}

  - id: BLD-LAC-POSTINGS
    title: {zh: 定损中心标牌与客户服务资料, en: Loss-assessment centre signs and postings}
    description: >
      Both signs are required whatever `outlet.services` says, since a loss-assessment centre
      does loss assessment and document collection by definition (CS 2.1.1); hanging signs and
      desk signs (吊牌或桌牌) both count as `counter_signs`.
    section: build
    severity: minor
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.3.4.4"
      quote: 定损中心须根据服务功能设置定损、单证收集等吊牌或桌牌。墙壁须悬挂理赔流程、理赔资料说明、客户服务承诺、客户服务电话等客户服务资料。
    applies: outlet.type == "loss_assessment_center"
    let:
      signs: '["loss_assessment", "documents"]'
      required: '["claims_process", "claims_documents", "service_commitment", "service_hotline"]'
      signs_missing: premises.counter_signs.missing(signs) ?? []
      postings_missing: premises.postings.missing(required) ?? []
    check: premises.counter_signs.contains_all(signs) and premises.postings.contains_all(required)
    message:
      zh: '{signs_missing.is_empty() ? "" : "缺少吊牌或桌牌:"}{signs_missing}{signs_missing.is_empty() or postings_missing.is_empty() ? "" : ";"}{postings_missing.is_empty() ? "" : "墙壁缺少客户服务资料:"}{postings_missing}'
      en: '{signs_missing.is_empty() ? "" : "signs missing: "}{signs_missing}{signs_missing.is_empty() or postings_missing.is_empty() ? "" : "; "}{postings_missing.is_empty() ? "" : "postings missing: "}{postings_missing}'
    examples:
      pass:
        - outlet: {type: loss_assessment_center}
          premises:
            counter_signs: [loss_assessment, documents]
            postings: [claims_process, claims_documents, service_commitment, service_hotline]
      fail:
        - outlet: {type: loss_assessment_center}
          premises:
            counter_signs: [loss_assessment]
            postings: [claims_process, claims_documents, service_commitment, service_hotline]
        - outlet: {type: loss_assessment_center}
          premises:
            counter_signs: [loss_assessment, documents]
            postings: [claims_process, service_hotline]

  - id: BLD-PRIVACY
    title: {zh: 客户信息保护, en: Customer information protected}
    description: >
      CS chapter 1 (总则) in the seed has no confidentiality sentence, so the rule quotes the CP
      commitment 严格保密 instead; it is checked on the premises as screens shielded from
      onlookers and customer documents kept secure.
    section: build
    severity: critical
    cite:
      source: CP
      document: 中国人寿保险股份有限公司服务承诺(2012)
      clause: 严格保密
      quote: 公司尊重客户个人隐私,对客户信息进行严格保密。
    let:
      lacking_zh: '((premises.privacy.screens_shielded ?? true) ? [] : ["电脑屏幕未作遮挡"]) + ((premises.privacy.documents_secured ?? true) ? [] : ["客户资料未妥善保管"])'
      lacking_en: '((premises.privacy.screens_shielded ?? true) ? [] : ["screens not shielded"]) + ((premises.privacy.documents_secured ?? true) ? [] : ["customer documents not kept secure"])'
    check: premises.privacy.screens_shielded and premises.privacy.documents_secured
    message:
      zh: 客户信息保护不到位:{lacking_zh}
      en: "customer information not protected: {lacking_en}"
    examples:
      pass:
        - {premises: {privacy: {screens_shielded: true, documents_secured: true}}}
      fail:
        - {premises: {privacy: {screens_shielded: false, documents_secured: true}}}
        - {premises: {privacy: {screens_shielded: true, documents_secured: false}}}

  - id: TIER-CLAIM
    title: {zh: 星级认定名副其实, en: Claimed tier is supported}
    description: >
      Judged after every other rule (scoring.md, Tiers). Only customer service centres and
      service halls can hold a tier (CS 2.1.1; `tier_outlet_types` in scoring.yaml): any other
      outlet claiming one fails, saying why. For those that can, the outlet qualifies for the
      highest tier whose applicable non-advisory tier rules all pass; a not_assessed tier rule
      blocks ("cannot confirm"), a waived one does not (an approved exception), and advisory
      ones (尽量) never block. A claim above the qualified tier fails, naming the blocking
      rules; those rules keep their own findings too.
    section: build
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: "2.1.1"
      quote: 三级机构主要服务网点统称为客户服务中心,根据建设标准评定,达到一定标准的可认定为客户服务中心旗舰店或标准店。四级机构设立的为客户提供服务的营业厅统称为客户服务大厅,经过评定可认定为客户服务大厅标准店,如建设标准和服务能力达到相关标准,经过评定也可认定为客户服务中心旗舰店或标准店。
    applies: (outlet.tier ?? "none") != "none"
    check: tier_supported()
    evidence: outlet.tier
    message:
      zh: '认定为{outlet.tier},但{outlet.type}{not tier_eligible() ? "不能认定星级(CS 2.1.1:只有客户服务中心和客户服务大厅可认定为标准店或旗舰店)" : (tier_blocking().is_empty() ? "没有适用的该星级规则" : "未达到其建设标准:" + tier_blocking().join("、"))}'
      en: 'certified as {outlet.tier}, but a {outlet.type} {not tier_eligible() ? "cannot hold a tier (CS 2.1.1: only customer service centres and service halls can be certified standard or flagship)" : (tier_blocking().is_empty() ? "has no applicable rule of that tier" : "does not meet its standard: " + tier_blocking().join(", "))}'
    examples:
      pass:
        - outlet: {type: service_hall, tier: standard, hosting: partner}
          premises:
            clean: true
            zones: [business_acceptance, cashier, rest_area, vip_area]
            rest_area: {seating: true, water_dispenser: true, cups: true}
            postings: [underwriting_process, claims_process, claims_documents, service_commitment, service_hotline, supervision_board]
            postings_current: true
            opinion_book: true
            desk_plates: {uniform: true, staff_card: true}
      fail:
        - outlet: {type: service_hall, tier: standard, hosting: partner}
          premises:
            clean: false
            zones: [business_acceptance, cashier, rest_area, vip_area]
            rest_area: {seating: true, water_dispenser: true, cups: true}
            postings: [underwriting_process, claims_process, claims_documents, service_commitment, service_hotline, supervision_board]
            postings_current: true
            opinion_book: true
            desk_plates: {uniform: true, staff_card: true}
        - outlet: {type: loss_assessment_center, tier: standard, hosting: partner}
          premises: {clean: true, zones: [business_acceptance, rest_area], postings: []}
"""#),
        ("rules/calendar.yaml", #"""
# Business calendar: statutory holidays (法定节假日) and adjusted working days (调休上班日)
# per the State Council notices. A working day is Monday–Friday, except the holidays below,
# plus the working days below (which fall on weekends).
#
# To add a year, copy a block: list every day off of each holiday period (weekend days
# inside the period included; `A..B` is an inclusive range) and every weekend day that is
# a working day, with the notice it comes from. Dates outside the listed years are an
# error ("calendar does not cover 2027"), never guessed from weekdays alone.
calendar: business-days/1
years:
  2024:
    source: 国务院办公厅关于2024年部分节假日安排的通知(国办发明电〔2023〕7号)
    holidays:
      - 2024-01-01               # 元旦
      - 2024-02-10..2024-02-17   # 春节
      - 2024-04-04..2024-04-06   # 清明节
      - 2024-05-01..2024-05-05   # 劳动节
      - 2024-06-10               # 端午节
      - 2024-09-15..2024-09-17   # 中秋节
      - 2024-10-01..2024-10-07   # 国庆节
    working_days:
      - 2024-02-04   # 春节 (Sunday)
      - 2024-02-18   # 春节 (Sunday)
      - 2024-04-07   # 清明节 (Sunday)
      - 2024-04-28   # 劳动节 (Sunday)
      - 2024-05-11   # 劳动节 (Saturday)
      - 2024-09-14   # 中秋节 (Saturday)
      - 2024-09-29   # 国庆节 (Sunday)
      - 2024-10-12   # 国庆节 (Saturday)
  2025:
    source: 国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号)
    holidays:
      - 2025-01-01               # 元旦
      - 2025-01-28..2025-02-04   # 春节
      - 2025-04-04..2025-04-06   # 清明节
      - 2025-05-01..2025-05-05   # 劳动节
      - 2025-05-31..2025-06-02   # 端午节
      - 2025-10-01..2025-10-08   # 国庆节、中秋节
    working_days:
      - 2025-01-26   # 春节 (Sunday)
      - 2025-02-08   # 春节 (Saturday)
      - 2025-04-27   # 劳动节 (Sunday)
      - 2025-09-28   # 国庆节 (Sunday)
      - 2025-10-11   # 国庆节 (Saturday)
  2026:
    source: 国务院办公厅关于2026年部分节假日安排的通知
    holidays:
      - 2026-01-01..2026-01-03   # 元旦
      - 2026-02-15..2026-02-23   # 春节
      - 2026-04-04..2026-04-06   # 清明节
      - 2026-05-01..2026-05-05   # 劳动节
      - 2026-06-19..2026-06-21   # 端午节
      - 2026-09-25..2026-09-27   # 中秋节
      - 2026-10-01..2026-10-07   # 国庆节
    working_days:
      - 2026-01-04   # 元旦 (Sunday)
      - 2026-02-14   # 春节 (Saturday)
      - 2026-02-28   # 春节 (Saturday)
      - 2026-05-09   # 劳动节 (Saturday)
      - 2026-09-20   # 中秋节 (Sunday)
      - 2026-10-10   # 国庆节 (Saturday)
"""#),
        ("rules/etiquette.yaml", #"""
# 服务礼仪与纪律 — staff and phone etiquette (CS 第三章, 第十章; CC; LB). Format: docs/rules.md.
pack: etiquette
version: "1"
description: 服务礼仪与纪律
rules:
  - id: ETQ-UNIFORM
    title: {zh: 统一着装, en: Uniform worn}
    description: >
      The seed holds only the table of contents of CS 第三章 (第二节 着装), not its text; the
      quote is the closest sentence that is in the seed (保险公司客户服务人员的服务规范 Ⅰ.1).
      Applies to every staff member, whatever the role; `uniform` is the inspector's
      observation that the company uniform was worn.
    section: etiquette
    severity: minor
    cite:
      source: CS, 服务规范
      document: 中国人寿财产保险股份有限公司客户服务规范;保险公司客户服务人员的服务规范
      clause: CS 3.2 着装;服务规范 Ⅰ.1
      quote: 1. 穿着整洁:保持服装整洁干净,着装应符合公司规定的形象标准。
    for_each: staff
    check: it.uniform
    message:
      zh: 服务人员 {it.id} 未统一着装
      en: staff member {it.id} was not in uniform
    examples:
      pass:
        - {staff: [{id: E1, uniform: true}, {id: E2, role: manager, uniform: true}]}
      fail:
        - {staff: [{id: E1, uniform: true}, {id: E2, uniform: false}]}

  - id: ETQ-BADGE
    title: {zh: 佩戴工牌或放置标识卡, en: Identity badge or desk card}
    description: >
      LB 第三条 lets counter staff either wear the identity card or place it in front of the
      counter: for counter, cashier and reception staff, desk plates that show the staff card
      (`premises.desk_plates.staff_card: true`) satisfy the clause without a badge. Other roles
      must wear the badge (CS 3.2); phone agents are not seen by customers and are out of
      scope. A staff member without a role is not assessed unless the badge is worn.
    section: etiquette
    severity: minor
    cite:
      source: LB, CS
      document: 人身保险业务基本服务规定(保监会令2010年第4号);中国人寿财产保险股份有限公司客户服务规范
      clause: LB 第三条;CS 3.2 着装
      quote: 保险公司的柜台服务人员应当佩戴或者在柜台前放置标明身份的标识卡
    for_each: staff
    applies: it.role != "phone_agent" or (not has(it.role) and (it.badge ?? false))
    let:
      at_counter: it.role in ["counter", "cashier", "reception"]
    check: it.badge or (at_counter and premises.desk_plates.staff_card)
    evidence: it.badge
    message:
      zh: '服务人员 {it.id} 未佩戴工牌{at_counter ?? false ? ",柜台前也未放置标明身份的标识卡(桌牌未镶嵌工卡)" : ""}'
      en: 'staff member {it.id} wore no identity badge{at_counter ?? false ? ", and no identity card was placed at the counter (no staff card in the desk plate)" : ""}'
    examples:
      pass:
        - {staff: [{id: E1, badge: true}, {id: E2, role: manager, badge: true}]}
        - premises: {desk_plates: {uniform: true, staff_card: true}}
          staff: [{id: E1, role: cashier, badge: false}, {id: E2, role: phone_agent, badge: false}]
      fail:
        - {staff: [{id: E1, badge: true}, {id: E2, role: counter, badge: false}], premises: {desk_plates: {staff_card: false}}}
        - premises: {desk_plates: {uniform: true, staff_card: true}}
          staff: [{id: E1, role: assessor, badge: false}]

  - id: ETQ-GROOMING
    title: {zh: 仪容规范, en: Grooming}
    description: >
      The seed holds only the table of contents of CS 第三章 (第一节 仪容), not its text; the
      quote is the closest sentence that is in the seed (保险公司客户服务人员的服务规范 Ⅰ 专业礼仪).
      `grooming` is the inspector's judgment against the company's grooming standard; the
      rule does not itemise it (hair, make-up, nails).
    section: etiquette
    severity: minor
    cite:
      source: CS, 服务规范
      document: 中国人寿财产保险股份有限公司客户服务规范;保险公司客户服务人员的服务规范
      clause: CS 3.1 仪容;服务规范 Ⅰ 专业礼仪
      quote: 作为保险公司客户服务人员,职业形象与仪态需要始终保持专业和亲切。
    for_each: staff
    check: it.grooming
    message:
      zh: 服务人员 {it.id} 仪容不符合规范
      en: staff member {it.id} was not groomed to the standard
    examples:
      pass:
        - {staff: [{id: E1, grooming: true}]}
      fail:
        - {staff: [{id: E1, grooming: true}, {id: E2, grooming: false}]}

  - id: ETQ-POSTURE
    title: {zh: 仪态规范, en: Posture}
    description: >
      The seed holds only the table of contents of CS 第三章 (第三节 仪态), not its text; the
      quote is the closest sentence that is in the seed (保险公司客户服务人员的服务规范 Ⅰ 专业礼仪),
      which names 仪态. `posture` is the inspector's judgment (standing, sitting, gestures).
    section: etiquette
    severity: minor
    cite:
      source: CS, 服务规范
      document: 中国人寿财产保险股份有限公司客户服务规范;保险公司客户服务人员的服务规范
      clause: CS 3.3 仪态;服务规范 Ⅰ 专业礼仪
      quote: 作为保险公司客户服务人员,职业形象与仪态需要始终保持专业和亲切。
    for_each: staff
    check: it.posture
    message:
      zh: 服务人员 {it.id} 仪态不符合规范
      en: staff member {it.id} did not keep the standard posture
    examples:
      pass:
        - {staff: [{id: E1, posture: true}]}
      fail:
        - {staff: [{id: E1, posture: false}]}

  - id: ETQ-WORKSPACE
    title: {zh: 工作台整洁, en: Workspace tidy}
    description: >
      The seed holds only the table of contents of CS 第三章 (第四节 工作环境), not its text;
      the quote is the closest sentence that is in the seed, CS 2.3.1.2 on keeping the
      premises clean and orderly. Only front-line roles (counter, cashier, reception) are
      checked: their counters are what the customer sees; other roles are not applicable,
      and a staff member without a role is not assessed.
    section: etiquette
    severity: minor
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: 3.4 工作环境;2.3.1.2
      quote: 公共区域(包括职场外)须保持干净、整洁、美观,秩序井然。
    for_each: staff
    applies: it.role in ["counter", "cashier", "reception"]
    check: it.workspace_tidy
    message:
      zh: 服务人员 {it.id} 的工作台不整洁
      en: the workspace of staff member {it.id} was not tidy
    examples:
      pass:
        - {staff: [{id: E1, role: counter, workspace_tidy: true}, {id: E2, role: manager, workspace_tidy: false}]}
      fail:
        - {staff: [{id: E1, role: cashier, workspace_tidy: false}]}

  - id: ETQ-GREETING
    title: {zh: 起身迎客、主动问候, en: Stood to greet and greeted first}
    description: >
      The seed holds only the table of contents of CS 第三章 (第五节 常用礼节, 第八节 接待礼仪),
      not their text; the quote is the closest sentence that is in the seed, CS 第一章 2.
      Both observations are required: standing to greet the customer and greeting first.
      Only front-line roles (counter, cashier, reception) are checked.
    section: etiquette
    severity: minor
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: 3.5 常用礼节;3.8 接待礼仪;第一章 2
      quote: 各级机构人员在为外部客户提供服务过程中均应热情大方、礼貌尊重、不卑不亢、专业高效。
    for_each: staff
    applies: it.role in ["counter", "cashier", "reception"]
    check: it.stood_to_greet and it.greeted_first
    message:
      zh: 服务人员 {it.id} 未起身迎客或未主动问候客户
      en: staff member {it.id} did not stand to greet the customer or did not greet first
    examples:
      pass:
        - {staff: [{id: E1, role: reception, stood_to_greet: true, greeted_first: true}, {id: E2, role: assessor, stood_to_greet: false}]}
      fail:
        - {staff: [{id: E1, role: counter, stood_to_greet: false, greeted_first: true}]}
        - {staff: [{id: E1, role: cashier, stood_to_greet: true, greeted_first: false}]}

  - id: ETQ-SMILE
    title: {zh: 微笑服务, en: Smiled}
    description: >
      The seed holds only the table of contents of CS 第三章 (第六节 交流礼仪), not its text; the
      quote is the closest sentence that is in the seed, CC 二.5 (smiling, gentle voice).
      Applies to every staff member.
    section: etiquette
    severity: advisory
    cite:
      source: CS, CC
      document: 中国人寿财产保险股份有限公司客户服务规范;客服中心服务规范
      clause: CS 3.6 交流礼仪;CC 二.5
      quote: 以微笑柔和的语音与客户沟通交流;与客户交流内容应简单、扼要。
    for_each: staff
    check: it.smiled
    message:
      zh: 服务人员 {it.id} 未微笑服务
      en: staff member {it.id} did not smile
    examples:
      pass:
        - {staff: [{id: E1, smiled: true}]}
      fail:
        - {staff: [{id: E1, smiled: false}]}

  - id: ETQ-PLAIN-LANGUAGE
    title: {zh: 通俗易懂、不用行业术语, en: Plain language}
    description: >
      `plain_language` is the inspector's judgment that the staff member explained without
      jargon. Applies to every staff member.
    section: etiquette
    severity: advisory
    cite:
      source: 服务规范
      document: 保险公司客户服务人员的服务规范
      clause: Ⅰ.4
      quote: 4. 注意言行:使用正确、文明的语言,不使用行业术语让客户困惑。
    for_each: staff
    check: it.plain_language
    message:
      zh: 服务人员 {it.id} 使用行业术语,解释不够通俗易懂
      en: staff member {it.id} used jargon instead of plain language
    examples:
      pass:
        - {staff: [{id: E1, plain_language: true}]}
      fail:
        - {staff: [{id: E1, plain_language: false}]}

  - id: ETQ-NO-PERSONAL-TASKS
    title: {zh: 工作时间不涉他务, en: No personal tasks on duty}
    description: >
      The seed holds only the heading of 柜面服务标准 8.9 (in its table of contents), not the
      clause text; the quote is that heading. `personal_tasks` true means the staff member was
      seen doing personal things on duty (phone, chat, eating). Applies to every staff member.
    section: etiquette
    severity: minor
    cite:
      source: 柜面服务标准
      document: 中国人寿保险股份有限公司柜面服务标准(试行)
      clause: 8.9
      quote: 8.9工作时间,不涉他务
    for_each: staff
    check: not it.personal_tasks
    message:
      zh: 服务人员 {it.id} 工作时间办理私事
      en: staff member {it.id} was doing personal things on duty
    examples:
      pass:
        - {staff: [{id: E1, personal_tasks: false}]}
      fail:
        - {staff: [{id: E1, personal_tasks: false}, {id: E2, personal_tasks: true}]}

  - id: ETQ-FORBIDDEN-PHRASES
    title: {zh: 不使用服务忌语, en: No forbidden phrases}
    description: >
      A phrase matches when, with spaces, Chinese/ASCII punctuation and invisible format
      characters (zero-width spaces and joiners, BOMs, bidi marks) removed from both, it occurs
      anywhere in what was said (「这是规定, 我有什么办法」 contains 这是规定). A hit inside one of
      the polite_forms, said without a pause (no punctuation, space or line break inside), does
      not count: 「不知道您是否方便…」 asks the customer politely and is not the curt 不知道,
      but in 「不知道,您是不是搞错了」 the 不知道 stands alone. Calls are checked on the
      opening and the transcript; a call without a transcript is not assessed unless a phrase
      is heard in the opening.
    section: etiquette
    severity: major
    cite:
      source: CC
      document: 客服中心服务规范
      clause: 二.8;五.一.1;五.一.2
      quote: 避免使用生哽、冷淡、推委的语句。……不可以说:“喂说话呀!”……不可以说:”喂,说吧!”
    for_each:
      - in: staff
        let: {said: it.utterances}
      - in: calls
        let: {said: "[it.opening] + it.transcript"}
    let:
      hits: 'said.phrases_found(params.forbidden_phrases, except: params.polite_forms)'
    check: hits.is_empty()
    params:
      forbidden_phrases:
        - "喂,说话呀"
        - "喂,说吧"
        - "不知道"
        - "不归我管"
        - "不关我的事"
        - "自己看"
        - "自己找"
        - "有完没完"
        - "急什么"
        - "没看我正忙着吗"
        - "下班了"
        - "这是规定"
        - "你找谁都没用"
        - "你去投诉好了"
        - "怎么不早点来"
      # Longer phrases, said without a pause, inside which a forbidden phrase is polite, not
      # curt: a question to the customer, a conditional, an offer to do it for them.
      polite_forms:
        - "不知道您是否"
        - "不知道您方便"
        - "不知道您是不是"
        - "不知道您能否"
        - "不知道您有没有"
        - "不知道您对"
        - "不知道您什么时候"
        - "不知道您这边"
        - "不知道您那边"
        - "不知道你是否"
        - "不知道你方便"
        - "如果您不知道"
        - "您要是不知道"
        - "您如果不知道"
        - "不用您自己"
        - "您也可以自己看"
        - "您可以自己看"
    message:
      zh: "{it.id} 使用服务忌语:{hits.join('、')}"
      en: "{it.id} used forbidden phrases: {hits.join(', ')}"
    examples:
      pass:
        - {staff: [{id: E1, utterances: ["您好,请问您办理什么业务?"]}], calls: []}
        - {staff: [], calls: [{id: C1, opening: "您好,欢迎致电客户服务热线,请问有什么可以帮您?", transcript: ["好的,马上为您查询。"]}]}
        - {staff: [{id: E1, utterances: ["不知道您是否方便留一个联系电话?", "不知道您方便什么时候来办理?"]}], calls: []}
      fail:
        - {staff: [{id: E1, utterances: ["这是规定, 我有什么办法"]}]}
        - {calls: [{id: C1, opening: "喂, 说话呀!"}]}  # heard in the opening: a fail even without a transcript
        - {calls: [{id: C1, opening: "您好", transcript: ["这个我不 知道。"]}]}
        - {staff: [{id: E1, utterances: ["这是\u200B规定"]}]}
        - {staff: [{id: E1, utterances: ["不知道您是否方便?不知道,你自己看吧。"]}]}

  - id: ETQ-PHONE-RINGS
    title: {zh: 及时接听电话, en: Phone answered promptly}
    description: >
      The source says only 及时接听; the threshold is the parameter max_rings (default 3).
      A call answered on the max_rings-th ring passes ("within 3 rings" includes the third).
    section: etiquette
    severity: minor
    cite:
      source: CC
      document: 客服中心服务规范
      clause: 四.1.1.A
      quote: 及时接听客户电话。
    for_each: calls
    check: it.rings <= params.max_rings
    params:
      max_rings: 3
    message:
      zh: 电话 {it.id} 响铃 {it.rings} 次才接听,超过 {params.max_rings} 次
      en: call {it.id} was answered after {it.rings} rings, more than {params.max_rings}
    examples:
      pass:
        - {calls: [{id: C1, rings: 3}, {id: C2, rings: 1}]}
      fail:
        - {calls: [{id: C1, rings: 4}]}

  - id: ETQ-PHONE-OPENING
    title: {zh: 电话开头语规范, en: Phone opening}
    description: >
      The opening must greet (您好), name the company or the hotline (param company_names),
      and offer help (param help_phrases). Matching ignores spaces and punctuation.
    section: etiquette
    severity: minor
    cite:
      source: CC, CS
      document: 客服中心服务规范;中国人寿财产保险股份有限公司客户服务规范
      clause: CC 四.1.1.B;CC 五.一.1;CS 3.7
      quote: 电话接通时,应主动的报出企业名称、部门并致问候语。……“您好,欢迎致电 XX 客户服务热线,客服代表 XX 很高兴为您服务,请问有什么可以帮您?
    for_each: calls
    check: >-
      it.opening.has_phrase("您好") and it.opening.has_any_phrase(params.company_names)
      and it.opening.has_any_phrase(params.help_phrases)
    params:
      company_names: [中国人寿, 国寿, 客户服务热线, 客服热线, "95519"]
      help_phrases: [有什么可以帮, 有什么可以匡助, 有什么能帮]
    message:
      zh: 电话 {it.id} 的开头语缺少问候语、公司或热线名称或协助用语:“{it.opening}”
      en: "call {it.id}: the opening lacks a greeting, the company or hotline name, or an offer of help: “{it.opening}”"
    examples:
      pass:
        - {calls: [{id: C1, opening: "您好,欢迎致电中国人寿财险客户服务热线,客服代表0123很高兴为您服务,请问有什么可以帮您?"}]}
      fail:
        - {calls: [{id: C1, opening: "喂,哪位?"}]}
        - {calls: [{id: C1, opening: "您好,请问有什么可以帮您?"}]}

  - id: ETQ-PHONE-SURNAME
    title: {zh: 使用客户姓氏称呼, en: Customer addressed by surname}
    description: >
      Only calls where the customer's surname became known are checked: an absent
      `surname_used` means it never did, and the rule is not applicable.
    section: etiquette
    severity: minor
    cite:
      source: CC
      document: 客服中心服务规范
      clause: 五.一.3
      quote: 3、当已经了解客户的姓名的时候,客户代表应在以下的通话过程中,用客户的姓加之“先生/小姐”保持礼貌回应称呼……不可以无动无衷,无视客户的姓名。
    for_each: calls
    applies: has(it.surname_used)
    check: it.surname_used
    message:
      zh: 电话 {it.id} 中已知客户姓氏,坐席未以“姓氏+先生/小姐”称呼客户
      en: "call {it.id}: the customer's surname was known but the agent did not address them by it"
    examples:
      pass:
        - {calls: [{id: C1, surname_used: true}, {id: C2}]}
      fail:
        - {calls: [{id: C1, surname_used: false}]}

  - id: ETQ-PHONE-APOLOGY
    title: {zh: 无法解答时致歉并说明原因, en: Apology when unable to answer}
    description: >
      Only calls where the agent could not answer a question are checked: an absent
      `apology_when_unable` means the situation did not arise, and the rule is not
      applicable. `apology_when_unable` true means the agent said 对不起 and explained why.
    section: etiquette
    severity: minor
    cite:
      source: CC
      document: 客服中心服务规范
      clause: 四.2.3
      quote: 在通话中遇到不能解答的问题,应道声“对不起”,并说明不能答复的原因,不得有“生、冷、硬、推”的态度。
    for_each: calls
    applies: has(it.apology_when_unable)
    check: it.apology_when_unable
    message:
      zh: 电话 {it.id} 中遇到不能解答的问题,坐席未道歉并说明原因
      en: "call {it.id}: the agent could not answer and did not apologise and explain why"
    examples:
      pass:
        - {calls: [{id: C1, apology_when_unable: true}, {id: C2}]}
      fail:
        - {calls: [{id: C1, apology_when_unable: false}]}

  - id: ETQ-PHONE-HANGUP
    title: {zh: "意见不一致时耐心交流,不摔电话", en: Never hung up on the customer}
    description: >
      CC 四.2.4 forbids 摔电话, hanging up on the customer in a disagreement. The report's
      `agent_hung_up_first` is labelled for inspectors as just that (坐席挂断客户电话/摔电话):
      true records that the agent cut the call off on the customer; an agent who ended the
      call after the customer had finished is recorded as false.
    section: etiquette
    severity: minor
    cite:
      source: CC
      document: 客服中心服务规范
      clause: 四.2.4
      quote: 在通话中遇到与对方意见不一致时,应耐心和对方交换意见,不得耍态度、压制对方,更不摔电话
    for_each: calls
    check: not it.agent_hung_up_first
    message:
      zh: 电话 {it.id} 中坐席挂断客户电话(摔电话),未耐心与客户交换意见
      en: "call {it.id}: the agent hung up on the customer instead of talking the disagreement through"
    examples:
      pass:
        - {calls: [{id: C1, agent_hung_up_first: false}]}
      fail:
        - {calls: [{id: C1, agent_hung_up_first: true}]}

  - id: ETQ-ON-TIME
    title: {zh: 准时开门营业, en: Opened on time}
    description: >
      The seed holds only the heading of 柜面服务标准 8.3 (in its table of contents), not the
      clause text; the quote is that heading. Only the opening is checked (准时): the outlet
      must open no later than the start of the posted hours plus opening_grace_min minutes
      (default 0). Staying open until the posted closing time (满点) is not in the report
      format and is not checked. Without posted hours or an observed opening time the
      evidence is missing: not assessed.
    section: etiquette
    severity: major
    cite:
      source: 柜面服务标准
      document: 中国人寿保险股份有限公司柜面服务标准(试行)
      clause: 8.3
      quote: 8.3对外服务,准时满点
    let:
      posted_open: to_time(outlet.posted_hours.before("-"))
    check: minutes(premises.opened_at) <= minutes(posted_open) + params.opening_grace_min
    evidence: premises.opened_at
    params:
      opening_grace_min: 0
    message:
      zh: 网点实际开门时间 {premises.opened_at},比公示营业时间 {outlet.posted_hours} 晚 {minutes(premises.opened_at) - minutes(posted_open)} 分钟
      en: the outlet opened at {premises.opened_at}, {minutes(premises.opened_at) - minutes(posted_open)} minute(s) after the posted hours {outlet.posted_hours} begin
    examples:
      pass:
        - {outlet: {posted_hours: "08:30-17:00"}, premises: {opened_at: "08:30"}}
        - {outlet: {posted_hours: "09:00-17:30"}, premises: {opened_at: "08:45"}}
      fail:
        - {outlet: {posted_hours: "08:30-17:00"}, premises: {opened_at: "08:31"}}

  - id: ETQ-FIRST-CONTACT
    title: {zh: 首问责任制, en: First-contact responsibility}
    description: >
      Only cases handed to another staff member (`transferred_to` present) are checked; the
      first receiver must have obtained the colleague's "事项已办理完毕" confirmation. That
      confirmation can only exist once the matter is done: a transfer without it is not due
      while the case is not resolved (no `resolved_at`), and fails once it is.
    section: etiquette
    severity: major
    cite:
      source: CS
      document: 中国人寿财产保险股份有限公司客户服务规范
      clause: 第一章 5
      quote: 5.各级机构人员在内外部服务过程中均应遵循首问责任制。……确属超出职责范围的事项,第一受理人应引导客户/同事到具有相应处理权限的同事处办理,并负责获得接办同事“事项已办理完毕”的确认。
    for_each: cases
    applies: has(it.transferred_to)
    due: has(it.resolved_at) or (it.transfer_confirmed ?? false)
    check: it.transfer_confirmed
    message:
      zh: 案件 {it.id} 由 {it.handler ?? "首问责任人"} 转交 {it.transferred_to} 办理,首问责任人未获得“事项已办理完毕”的确认
      en: case {it.id} was handed from {it.handler ?? "the first receiver"} to {it.transferred_to}, and the first receiver got no confirmation that it was done
    examples:
      pass:
        - cases:
            - {id: A, kind: consultation, received_at: "2026-04-02 15:00", handler: E1, transferred_to: E2, transfer_confirmed: true}
            - {id: B, kind: consultation, received_at: "2026-04-02 16:00", handler: E1}
      fail:
        - cases:
            - {id: A, kind: complaint, received_at: "2026-04-02 15:00", handler: E1, transferred_to: E2, transfer_confirmed: false, resolved_at: "2026-04-03 10:00"}
"""#),
        ("rules/report-schema.yaml", #"""
# The outlet inspection report, as data (../shared/spec/report-format.md).
# Used twice: to validate every report, and to type-check rule expressions when a pack loads.
#
# A field is `{type, required?, absent?, values?, of?, zh, en}`:
#   type      string | int | number | bool | timestamp | date | time (HH:MM) | hours (HH:MM-HH:MM)
#             | timezone (IANA name) | token (one of `values`) | tokens (list of `values`)
#             | strings (list of strings) | object (`of`) | list (list of `of` objects)
#   values    an enum name from `enums:` (or, for int, the allowed numbers)
#   absent    `not_happened`: absence is a fact (e.g. a case not yet paid), read as "none", not
#             as missing evidence
#   count     (list) `true`: the list may be written as an integer, that many items none of
#             whose fields is known (`document_requests: 2`)
#   deprecated `{use: FIELD, values: {OLD: TOKEN or [TOKEN, …]}}`: still accepted, with a
#             warning; its value is carried over to the token field FIELD of the same object
#             (the first token), and agrees with FIELD when FIELD holds any of the tokens
#   zh, en    labels, used by messages and by `audit template`
schema: outlet-report/1
root: report

enums:
  method:
    onsite: {zh: 现场检查, en: on site}
    mystery_shopper: {zh: 神秘顾客, en: mystery shopper}
    remote: {zh: 远程检查, en: remote}
  outlet_type:
    service_center: {zh: 客户服务中心, en: customer service centre}
    service_hall: {zh: 客户服务大厅, en: service hall}
    loss_assessment_center: {zh: 定损中心, en: loss-assessment centre}
    service_station: {zh: 客户服务站, en: service station}
  tier:
    none: {zh: 无, en: none}
    standard: {zh: 标准店, en: standard}
    flagship: {zh: 旗舰店, en: flagship}
  hosting:
    self_built: {zh: 自建, en: self-built}
    partner: {zh: 借用合作机构职场, en: partner-hosted}
  line:
    property: {zh: 财产险, en: property & casualty}
    life: {zh: 人身险, en: life}
  service:
    consultation: {zh: 咨询, en: consultation}
    underwriting: {zh: 出单, en: underwriting}
    claims_documents: {zh: 单证收集, en: claims documents}
    loss_assessment: {zh: 查勘定损, en: loss assessment}
    payments: {zh: 收付, en: payments}
    cash: {zh: 现金收付, en: cash}
    complaints: {zh: 投诉受理, en: complaints}
  lightbox:
    none: {zh: 无灯箱, en: no lightbox}
    "on": {zh: 开启, en: "on"}
    "off": {zh: 未开启, en: "off"}
  plaque_item:
    name: {zh: 网点名称, en: name}
    hours: {zh: 营业时间, en: opening hours}
    hotline: {zh: 客服电话, en: hotline}
    address: {zh: 网点地址, en: address}
  zone:
    business_acceptance: {zh: 业务受理区, en: business acceptance}
    cashier: {zh: 收银区, en: cashier}
    rest_area: {zh: 客户休息区, en: rest area}
    vip_room: {zh: VIP大客户室, en: VIP room}
    vip_area: {zh: VIP服务区, en: VIP area}
    reception: {zh: 客户接待区, en: reception}
    self_service: {zh: 自助区, en: self-service}
    form_filling: {zh: 资料填写区, en: form filling}
  posting:
    underwriting_process: {zh: 投保流程, en: underwriting process}
    claims_process: {zh: 理赔流程, en: claims process}
    claims_documents: {zh: 理赔资料说明, en: claims documents guide}
    service_commitment: {zh: 客户服务承诺, en: service commitment}
    service_hotline: {zh: 客户服务电话, en: service hotline}
    supervision_board: {zh: 服务人员监督板(带照片), en: staff supervision board (with photos)}
  counter_sign:
    reception: {zh: 客户接待, en: reception}
    underwriting: {zh: 承保, en: underwriting}
    claims: {zh: 理赔, en: claims}
    payments: {zh: 收付, en: payments}
    documents: {zh: 单证收集, en: documents}
    loss_assessment: {zh: 定损, en: loss assessment}
  copier:
    none: {zh: 无, en: none}
    on_site: {zh: 配备复印机, en: copier on site}
    copy_service: {zh: 代客复印, en: copy service}
  amenity:
    info_rack: {zh: 资料架, en: information rack}
    newspaper_holder: {zh: 报纸夹, en: newspaper holder}
    notice_board: {zh: 告示板, en: notice board}
    premium_calculator: {zh: 保费计算器, en: premium calculator}
    wall_clock: {zh: 挂钟, en: wall clock}
    convenience_box: {zh: 便民服务箱, en: convenience box}
    tv: {zh: 液晶电视, en: TV}
    rating_device: {zh: 服务评价器, en: rating device}
    queue_machine: {zh: 叫号器, en: queue machine}
    shoe_polisher: {zh: 擦鞋机, en: shoe polisher}
    umbrella_stand: {zh: 雨伞套架, en: umbrella stand}
  convenience_item:
    reading_glasses: {zh: 老花镜, en: reading glasses}
    map: {zh: 地图, en: map}
    phone_directory: {zh: 电话号码簿, en: phone directory}
    first_aid_kit: {zh: 小药箱, en: first-aid kit}
    sewing_kit: {zh: 简易针线包, en: sewing kit}
  role:
    reception: {zh: 接待, en: reception}
    counter: {zh: 柜员, en: counter}
    cashier: {zh: 收银, en: cashier}
    assessor: {zh: 定损员, en: assessor}
    manager: {zh: 经理, en: manager}
    phone_agent: {zh: 坐席, en: phone agent}
  case_kind:
    complaint: {zh: 投诉, en: complaint}
    consultation: {zh: 咨询, en: consultation}
    claim: {zh: 理赔, en: claim}
    policy_service: {zh: 保全, en: policy service}
    new_policy: {zh: 新单, en: new policy}
  channel:
    counter: {zh: 柜面, en: counter}
    phone: {zh: 电话, en: phone}
    online: {zh: 网上, en: online}
    visit: {zh: 上门, en: visit}
  extension:
    none: {zh: 未延长, en: not extended}
    once: {zh: 情况复杂延长至30日, en: extended to 30 days}
    twice: {zh: 经审批再延长30日, en: extended by another 30 days with approval}
  decision:
    approved: {zh: 赔付, en: approved}
    partial: {zh: 部分赔付, en: partially approved}
    denied: {zh: 拒赔, en: denied}

objects:
  report:
    schema: {type: string, required: true, zh: 报告格式, en: report format}
    inspection: {type: object, of: inspection, required: true, zh: 检查信息, en: inspection}
    outlet: {type: object, of: outlet, required: true, zh: 网点信息, en: outlet}
    premises: {type: object, of: premises, zh: 职场环境, en: premises}
    staff: {type: list, of: staff_member, zh: 服务人员, en: staff}
    calls: {type: list, of: call, zh: 电话抽检, en: sampled calls}
    cases: {type: list, of: case, zh: 案件抽检, en: sampled cases}
    notes: {type: string, zh: 备注, en: notes}

  inspection:
    id: {type: string, required: true, zh: 检查编号, en: inspection id}
    inspected_at: {type: timestamp, required: true, zh: 检查时间, en: inspected at}
    inspector: {type: string, zh: 检查人, en: inspector}
    method: {type: token, values: method, zh: 检查方式, en: method}

  outlet:
    id: {type: string, required: true, zh: 网点编号, en: outlet id}
    name: {type: string, required: true, zh: 网点名称, en: outlet name}
    branch: {type: string, required: true, zh: 分公司, en: branch}
    sub_branch: {type: string, zh: 中心支公司, en: sub-branch}
    city: {type: string, zh: 城市, en: city}
    district: {type: string, zh: 区县, en: district}
    type: {type: token, values: outlet_type, required: true, zh: 网点类型, en: outlet type}
    level: {type: int, values: [3, 4], zh: 机构级别, en: institution level}
    tier: {type: token, values: tier, zh: 星级认定, en: tier}
    hosting: {type: token, values: hosting, zh: 建设方式, en: hosting}
    line: {type: token, values: line, zh: 业务条线, en: business line}
    services: {type: tokens, values: service, zh: 服务功能, en: services}
    floor: {type: int, zh: 所在楼层, en: floor}
    street_facing: {type: bool, zh: 临街, en: street facing}
    posted_hours: {type: hours, zh: 公示营业时间, en: posted opening hours}
    timezone: {type: timezone, zh: 时区, en: time zone}

  premises:
    reception_area_m2: {type: number, zh: 客户接待区域使用面积(平方米), en: reception area (m²)}
    transit_nearby: {type: bool, zh: 交通便利, en: transit nearby}
    parking: {type: bool, zh: 方便停车, en: parking}
    ground_floor_sign: {type: bool, zh: 一层入口标牌, en: ground-floor sign}
    lightbox: {type: token, values: lightbox, zh: 夜间灯箱, en: lightbox after dark}
    storefront_sign: {type: bool, zh: 户外店招, en: storefront sign}
    standing_pillar: {type: bool, zh: 立地形象立柱, en: standing pillar}
    plaque: {type: tokens, values: plaque_item, zh: 营业铭牌标注内容, en: business plaque shows}
    hours_posted_inside: {type: bool, zh: 店内公示营业时间, en: hours posted inside}
    clean: {type: bool, zh: 干净整洁, en: clean and orderly}
    facade_compliant: {type: bool, zh: 外立面风格符合要求, en: facade per company style}
    air_fresh: {type: bool, zh: 空气清新, en: air fresh}
    plants: {type: bool, zh: 绿色植物, en: plants}
    zones: {type: tokens, values: zone, zh: 功能区, en: zones}
    counters: {type: object, of: counters, zh: 业务受理区柜台, en: counters}
    cashier_enclosed: {type: bool, zh: 收银区封闭式柜台, en: cashier enclosed}
    rest_area: {type: object, of: rest_area, zh: 客户休息区设施, en: rest area}
    vip_room: {type: object, of: vip_room, zh: VIP大客户室设施, en: VIP room}
    postings: {type: tokens, values: posting, zh: 悬挂宣传材料, en: postings}
    postings_current: {type: bool, zh: 宣传材料及时更新, en: postings current}
    opinion_book: {type: bool, zh: 客户意见簿, en: opinion book}
    complaint_box: {type: bool, zh: 投诉意见箱, en: complaint box}
    counter_signs: {type: tokens, values: counter_sign, zh: 柜面标牌, en: counter signs}
    desk_plates: {type: object, of: desk_plates, zh: 桌牌, en: desk plates}
    suspended_counters: {type: list, of: suspended_counter, zh: 暂停办公柜台, en: suspended counters}
    reception_desk_visible: {type: bool, zh: 接待台在第一视线范围内, en: reception desk visible}
    self_service: {type: object, of: self_service, zh: 自助区设备, en: self-service}
    form_desk: {type: object, of: form_desk, zh: 资料填写台, en: form desk}
    copier: {type: token, values: copier, zh: 复印服务, en: copier}
    amenities: {type: tokens, values: amenity, zh: 便民设备, en: amenities}
    convenience_box: {type: tokens, values: convenience_item, zh: 便民服务箱物品, en: convenience box}
    privacy: {type: object, of: privacy, zh: 客户信息保护, en: privacy}
    opened_at: {type: time, zh: 实际开门时间, en: opened at}

  counters:
    open_low: {type: bool, zh: 开放式矮柜, en: open low counters}
    lcd_monitors: {type: bool, zh: 液晶显示屏, en: LCD monitors}
    chairs: {type: bool, zh: 柜台前座椅, en: chairs}
  rest_area:
    seating: {type: bool, zh: 沙发/等候椅, en: seating}
    water_dispenser: {type: bool, zh: 饮水机, en: water dispenser}
    cups: {type: bool, zh: 一次性水杯, en: cups}
  vip_room:
    sofa: {type: bool, zh: 沙发, en: sofa}
    tea_table: {type: bool, zh: 茶几, en: tea table}
    plants: {type: bool, zh: 绿色植物, en: plants}
  desk_plates:
    uniform: {type: bool, zh: 整齐划一, en: uniform}
    staff_card: {type: bool, zh: 镶嵌工卡, en: staff card}
  suspended_counter:
    counter: {type: string, required: true, id: true, zh: 柜台, en: counter}
    sign_shown: {type: bool, zh: 摆放暂停办公标牌, en: sign shown}
    same_service_elsewhere: {type: bool, zh: 有其他人员办理相同业务, en: same service elsewhere}
  self_service:
    web_pc: {type: bool, zh: 可连接公司网站的电脑, en: PC with website}
    phone: {type: bool, zh: 电话, en: phone}
  form_desk:
    forms: {type: bool, zh: 业务表格, en: forms}
    stationery: {type: bool, zh: 文具, en: stationery}
    samples: {type: bool, zh: 单证填写样本, en: sample forms}
  privacy:
    screens_shielded: {type: bool, zh: 屏幕遮挡, en: screens shielded}
    documents_secured: {type: bool, zh: 客户资料妥善保管, en: documents secured}

  staff_member:
    id: {type: string, required: true, id: true, zh: 工号, en: staff id}
    role: {type: token, values: role, zh: 岗位, en: role}
    uniform: {type: bool, zh: 统一着装, en: uniform}
    badge: {type: bool, zh: 佩戴工牌, en: badge}
    grooming: {type: bool, zh: 仪容, en: grooming}
    posture: {type: bool, zh: 仪态, en: posture}
    workspace_tidy: {type: bool, zh: 工作台整洁, en: workspace tidy}
    stood_to_greet: {type: bool, zh: 起身迎客, en: stood to greet}
    greeted_first: {type: bool, zh: 主动问候, en: greeted first}
    smiled: {type: bool, zh: 微笑服务, en: smiled}
    personal_tasks: {type: bool, zh: 办理私事, en: personal tasks}
    plain_language: {type: bool, zh: 通俗易懂, en: plain language}
    utterances: {type: strings, zh: 服务用语记录, en: utterances}

  call:
    id: {type: string, required: true, id: true, zh: 电话编号, en: call id}
    rings: {type: int, zh: 响铃次数, en: rings}
    opening: {type: string, zh: 开头语, en: opening}
    surname_used: {type: bool, absent: not_happened, zh: 使用客户姓氏称呼, en: surname used}
    apology_when_unable: {type: bool, absent: not_happened, zh: 无法解答时致歉, en: apology when unable}
    agent_hung_up_first: {type: bool, zh: 坐席挂断客户电话(摔电话), en: agent hung up on the customer}
    transcript: {type: strings, zh: 通话记录, en: transcript}

  case:
    id: {type: string, required: true, id: true, zh: 案件编号, en: case id}
    kind: {type: token, values: case_kind, required: true, zh: 案件类型, en: kind}
    channel: {type: token, values: channel, zh: 渠道, en: channel}
    received_at: {type: timestamp, required: true, zh: 受理时间, en: received at}
    answered_on_spot: {type: bool, zh: 当场答复, en: answered on the spot}
    first_contact_at: {type: timestamp, absent: not_happened, zh: 首次联系时间, en: first contact at}
    feedback_at: {type: timestamp, absent: not_happened, zh: 反馈时间, en: feedback at}
    decided_at: {type: timestamp, absent: not_happened, zh: 处理决定/核定时间, en: decided at}
    extension: {type: token, values: extension, zh: 处理期限延长, en: extension of the handling period}
    extension_approved_by: {type: string, zh: 再延长审批人(上级机构或总公司高级管理人员), en: further extension approved by}
    extended: {type: bool, deprecated: {use: extension, values: {"true": [once, twice], "false": none}}, zh: "延长处理期限(已停用,改用 extension)", en: extended (deprecated; use extension)}
    resolved_at: {type: timestamp, absent: not_happened, zh: 办结时间, en: resolved at}
    callback_at: {type: timestamp, absent: not_happened, zh: 回访时间, en: callback at}
    documents_complete_at: {type: timestamp, zh: 资料齐全时间, en: documents complete at}
    document_requests: {type: list, of: document_request, count: true, zh: 补充资料通知, en: requests for more documents}
    investigation_required: {type: bool, zh: 需要调查, en: investigation required}
    decision: {type: token, values: decision, absent: not_happened, zh: 核定结论, en: decision}
    agreed_at: {type: timestamp, absent: not_happened, zh: 达成协议时间, en: agreed at}
    paid_at: {type: timestamp, absent: not_happened, zh: 支付时间, en: paid at}
    denial_notice_at: {type: timestamp, absent: not_happened, zh: 拒赔通知时间, en: denial notice at}
    advance_paid_at: {type: timestamp, absent: not_happened, zh: 先予支付时间, en: advance paid at}
    long_term: {type: bool, zh: 长期寿险, en: long-term policy}
    callback_done: {type: bool, zh: 完成新单回访, en: callback done}
    handler: {type: string, zh: 首问责任人, en: first receiver}
    transferred_to: {type: string, absent: not_happened, zh: 转交人员, en: transferred to}
    transfer_confirmed: {type: bool, zh: 首问责任人收到办结确认, en: transfer confirmed}

  document_request:
    requested_at: {type: timestamp, required: true, zh: 补充资料通知到达时间, en: notice reached the claimant}
    supplied_at: {type: timestamp, absent: not_happened, zh: 补充资料到达时间, en: documents reached the insurer}
"""#),
        ("rules/scoring.yaml", #"""
# Scoring settings (../shared/spec/scoring.md): points per severity, section weights, grade
# bands and the coverage below which a grade is provisional. Data, not code: a branch that
# weighs sections differently edits this file (or passes its own with --rules).
scoring: outlet-score/1
points:
  critical: 10
  major: 5
  minor: 2
  advisory: 0
weights:
  build: 40
  etiquette: 30
  timeliness: 30
# Highest band first; a total at or above `min` gets the band. The last band must start at 0.
grades:
  - {id: excellent, min: 90, zh: 优秀, en: excellent}
  - {id: good, min: 80, zh: 良好, en: good}
  - {id: pass, min: 60, zh: 合格, en: pass}
  - {id: fail, min: 0, zh: 不合格, en: fail}
# The grade given by the red line (一票否决): any failed critical rule.
red_line_grade: fail
min_coverage: 0.8
# The outlet types that can be certified 标准店/旗舰店 (CS 2.1.1: 客户服务中心 and 客户服务大厅);
# any other type qualifies for no tier, and its flagship rules do not apply.
tier_outlet_types: [service_center, service_hall]
"""#),
        ("rules/timeliness.yaml", #"""
# 服务时效 — deadlines per case (CP; IL; CH). Deadlines follow ../shared/spec/timeliness.md:
# the start day is not counted; a calendar-day deadline on a non-working day moves to the
# next working day; the deadline is the end of its last day. Format: docs/rules.md.
pack: timeliness
version: "1"
description: 服务时效
rules:
  - id: TML-FEEDBACK-2WD
    title: {zh: 2个工作日内反馈, en: Feedback within 2 working days}
    section: timeliness
    severity: major
    cite:
      source: CP
      document: 中国人寿保险股份有限公司服务承诺(2012)
      clause: 快速响应
      quote: 公司及时、快速为客户办理业务;对于不能当时解答的咨询或投诉,在2个工作日以内向客户反馈进展情况或处理意见。
    for_each: cases
    applies: it.kind in ["complaint", "consultation"] and not it.answered_on_spot
    let:
      result: 'on_time(it.feedback_at, it.received_at, workdays: params.feedback_wd)'
    check: result
    params:
      feedback_wd: {value: 2, fixed: true}     # the public commitment's 2个工作日
    message:
      zh: 案件 {it.id} 应于 {result.last_day} 前反馈,晚 {result.late} 个工作日
      en: case {it.id} was due for feedback by {result.last_day}; {result.late} working day(s) late
    examples:
      pass:
        - cases:
            - {id: A, kind: complaint, answered_on_spot: false, received_at: "2026-04-02 15:00", feedback_at: "2026-04-07 23:59"}
      fail:
        - cases:
            - {id: A, kind: complaint, answered_on_spot: false, received_at: "2026-04-02 15:00", feedback_at: "2026-04-08 10:00"}
        - inspection: {inspected_at: "2026-04-14 10:00"}
          cases:
            - {id: B, kind: consultation, answered_on_spot: false, received_at: "2026-04-02 15:00"}

  - id: TML-CLAIM-3WD
    title: {zh: 3个工作日内理赔核定, en: Simple claim decided within 3 working days}
    description: >
      Only claims recorded as needing no investigation are checked (unknown
      investigation_required: not assessed); the clock starts when the documents are
      complete. The start day is not counted.
    section: timeliness
    severity: major
    cite:
      source: CP
      document: 中国人寿保险股份有限公司服务承诺(2012)
      clause: 主动理赔
      quote: 资料齐全、无需调查的案件,在3个工作日内做出理赔核定……
    for_each: cases
    applies: it.kind == "claim" and it.investigation_required == false
    let:
      result: 'on_time(it.decided_at, it.documents_complete_at, workdays: params.claim_wd)'
    check: result
    params:
      claim_wd: {value: 3, fixed: true}        # the public commitment's 3个工作日
    message:
      zh: 理赔案件 {it.id} 资料齐全、无需调查,应于 {result.last_day} 前作出理赔核定,晚 {result.late} 个工作日
      en: claim {it.id} (documents complete, no investigation) was due for a decision by {result.last_day}; {result.late} working day(s) late
    examples:
      # Documents complete Fri 2026-02-13: 02-14 (Sat) is an adjusted working day (1),
      # 02-15..02-23 Spring Festival, 02-24 (2), 02-25 (3) → deadline 2026-02-25.
      pass:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", investigation_required: false, decided_at: "2026-02-25 23:59"}
            - {id: B, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", investigation_required: true, decided_at: "2026-03-10 10:00"}
      fail:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", investigation_required: false, decided_at: "2026-02-26 10:00"}
        - inspection: {inspected_at: "2026-03-02 10:00"}
          cases:
            - {id: B, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", investigation_required: false}

  - id: TML-CALLBACK-NEW-POLICY
    title: {zh: 长期寿险新单100%回访, en: Callback on every long-term new policy}
    description: >
      The commitment sets no deadline for the callback, so the rule checks only that it was
      done: a sampled long-term new policy without a completed callback fails, however
      recent. Unknown long_term: not assessed.
    section: timeliness
    severity: major
    cite:
      source: CP
      document: 中国人寿保险股份有限公司服务承诺(2012)
      clause: 用心倾听
      quote: ……为客户提供长期寿险新单100%回访服务,维护客户权益。
    for_each: cases
    applies: it.kind == "new_policy" and it.long_term
    check: it.callback_done
    message:
      zh: 长期寿险新单 {it.id} 未完成回访
      en: long-term new policy {it.id} has had no callback
    examples:
      pass:
        - cases:
            - {id: A, kind: new_policy, received_at: "2026-03-02 10:00", long_term: true, callback_done: true}
            - {id: B, kind: new_policy, received_at: "2026-03-02 11:00", long_term: false}
      fail:
        - cases:
            - {id: A, kind: new_policy, received_at: "2026-03-02 10:00", long_term: true, callback_done: false}

  - id: TML-COMPLAINT-CALLBACK
    title: {zh: 投诉处理后及时回访, en: Callback after a complaint is resolved}
    description: >
      The source says 及时; the deadline is the parameter callback_wd working days after
      resolved_at (default 5). Only resolved complaints are checked. A callback recorded
      before resolved_at is an inconsistent report (error).
    section: timeliness
    severity: minor
    cite:
      source: CC
      document: 客服中心服务规范
      clause: 四.1.2.D
      quote: 投诉处理后,应及时回访客户是否满意。
    for_each: cases
    applies: it.kind == "complaint" and has(it.resolved_at)
    let:
      result: 'on_time(it.callback_at, it.resolved_at, workdays: params.callback_wd)'
    check: result
    params:
      callback_wd: 5
    message:
      zh: 投诉 {it.id} 办结后应于 {result.last_day} 前回访,晚 {result.late} 个工作日
      en: complaint {it.id} was due for a callback by {result.last_day}; {result.late} working day(s) late
    examples:
      # Resolved Thu 2026-04-30: 05-01..05-05 holidays, 05-06 (1), 05-07 (2), 05-08 (3),
      # 05-09 (Sat, adjusted working day) (4), 05-11 (5) → deadline 2026-05-11.
      pass:
        - cases:
            - {id: A, kind: complaint, received_at: "2026-04-28 10:00", resolved_at: "2026-04-30 16:00", callback_at: "2026-05-11 18:00"}
            - {id: B, kind: complaint, received_at: "2026-04-28 10:00"}
      fail:
        - cases:
            - {id: A, kind: complaint, received_at: "2026-04-28 10:00", resolved_at: "2026-04-30 16:00", callback_at: "2026-05-12 09:00"}
        - inspection: {inspected_at: "2026-05-13 10:00"}
          cases:
            - {id: B, kind: complaint, received_at: "2026-04-28 10:00", resolved_at: "2026-04-30 16:00"}

  - id: TML-COMPLAINT-FIRST-CONTACT
    title: {zh: 投诉第一时间联系客户, en: Complainant contacted at once}
    description: >
      The source says 第一时间; the limit is the parameter first_contact_hours (default 24),
      counted in clock hours from received_at, weekends and holidays included. Complaints
      answered on the spot are not applicable. Lateness is reported in hours.
    section: timeliness
    severity: minor
    cite:
      source: CC
      document: 客服中心服务规范
      clause: 二.6
      quote: 接到客户投诉时,应在第一时间安排相关人员与客户联系并解决相关问题。
    for_each: cases
    applies: it.kind == "complaint" and not it.answered_on_spot
    let:
      result: 'on_time(it.first_contact_at, it.received_at, hours: params.first_contact_hours)'
    check: result
    params:
      first_contact_hours: 24
    message:
      zh: 投诉 {it.id} 应在受理后 {params.first_contact_hours} 小时内首次联系客户,晚 {result.late} 小时
      en: complaint {it.id} was due for a first contact within {params.first_contact_hours} hours of receipt; {result.late} hour(s) late
    examples:
      pass:
        - cases:
            - {id: A, kind: complaint, received_at: "2026-04-02 15:00", answered_on_spot: false, first_contact_at: "2026-04-03 15:00"}
            - {id: B, kind: complaint, received_at: "2026-04-02 15:00", answered_on_spot: true}
      fail:
        - cases:
            - {id: A, kind: complaint, received_at: "2026-04-02 15:00", answered_on_spot: false, first_contact_at: "2026-04-03 15:01"}
        - inspection: {inspected_at: "2026-04-04 10:00"}
          cases:
            - {id: B, kind: complaint, received_at: "2026-04-02 15:00", answered_on_spot: false}

  - id: TML-COMPLAINT-15D
    title: {zh: 投诉处理时限(15日;延长至30日、60日), en: "Complaint decided in time (15 days; extended: 30 or 60)"}
    description: >
      15 calendar days from receipt; 30 when the period was extended (`extension: once`, a
      complex case, the complainant told); 60 when it was extended again (`extension: twice`)
      with the approval of the higher-level institution or head-office senior management,
      which `extension_approved_by` records (a name, not empty): `twice` without it is judged
      at 30 days. The old `extended: true` reads as `once`. An absent `extension` matters only
      where the readings disagree: decided within 15 days passes either way, and after the
      longest limit the record allows (30 days without an approver, else 60) it fails; in
      between the case is not assessed (the report must say whether the period was extended).
      decided_at is taken as the decision having been made and told to the complainant. A
      deadline on a non-working day moves to the next working day.
    section: timeliness
    severity: critical
    cite:
      source: CH
      document: 银行业保险业消费投诉处理管理办法(银保监会令2020年第3号)
      clause: 第十九条
      quote: 对于事实清楚、争议情况简单的消费投诉,应当自收到消费投诉之日起15日内作出处理决定并告知投诉人,情况复杂的可以延长至30日;情况特别复杂或者有其他特殊原因的,经其上级机构或者总行、总公司高级管理人员审批并告知投诉人,可以再延长30日。
    for_each: cases
    applies: it.kind == "complaint"
    let:
      approved: not (it.extension_approved_by ?? "").is_empty()
      result: >-
        it.extension == "none" ? on_time(it.decided_at, it.received_at, days: params.complaint_days)
        : (it.extension == "once" or not approved
           ? on_time(it.decided_at, it.received_at, days: params.extended_days)
           : on_time(it.decided_at, it.received_at, days: params.extended_days + params.further_days))
    check: result
    params:
      complaint_days: {value: 15, fixed: true}  # 15日内
      extended_days: {value: 30, fixed: true}   # 延长至30日
      further_days: {value: 30, fixed: true}    # 再延长30日 (60 in all)
    message:
      zh: '投诉 {it.id} 应在 {result.limit} 日内(于 {result.last_day} 前)作出处理决定,晚 {result.late} 日{(it.extension ?? "none") == "twice" and not approved ? "(记录为再次延长,但无审批人,按30日计)" : ""}'
      en: 'complaint {it.id} was due for a decision within {result.limit} days (by {result.last_day}); {result.late} day(s) late{(it.extension ?? "none") == "twice" and not approved ? " (recorded as extended twice, but with no approver: judged at 30 days)" : ""}'
    examples:
      # Received Thu 2026-04-02: 15 days → 04-17 (Fri). Extended once: 30 days → 05-02, inside
      # the 劳动节 holiday (05-01..05-05) → 05-06. Twice with approval: 60 days → 06-01 (Mon).
      pass:
        - cases:
            - {id: A, kind: complaint, received_at: "2026-04-02 15:00", decided_at: "2026-04-17 23:00"}
            - {id: B, kind: complaint, extension: once, received_at: "2026-04-02 15:00", decided_at: "2026-05-06 18:00"}
            - {id: C, kind: complaint, extension: twice, extension_approved_by: 黑龙江分公司总经理室, received_at: "2026-04-02 15:00", decided_at: "2026-06-01 18:00"}
      fail:
        - cases:
            - {id: A, kind: complaint, extension: none, received_at: "2026-04-02 15:00", decided_at: "2026-04-18 09:00"}
        - cases:
            - {id: D, kind: complaint, received_at: "2026-04-02 15:00", decided_at: "2026-06-02 09:00"}
        - cases:
            - {id: B, kind: complaint, extension: once, received_at: "2026-04-02 15:00", decided_at: "2026-05-07 09:00"}
        - cases:
            - {id: E, kind: complaint, extension: twice, received_at: "2026-04-02 15:00", decided_at: "2026-05-07 09:00"}
        - cases:
            - {id: F, kind: complaint, extension: twice, extension_approved_by: "", received_at: "2026-04-02 15:00", decided_at: "2026-05-07 09:00"}
        - inspection: {inspected_at: "2026-04-20 10:00"}
          cases:
            - {id: C, kind: complaint, extension: none, received_at: "2026-04-02 15:00"}

  - id: TML-LAW22-ONE-NOTICE
    title: {zh: 一次性通知补充资料, en: Missing documents requested at once}
    description: >
      A claim passes with at most one request for more documents (none is fine); two or
      more separate requests fail.
    section: timeliness
    severity: major
    cite:
      source: IL
      document: 中华人民共和国保险法(2015)
      clause: 第二十二条
      quote: 保险人按照合同的约定,认为有关的证明和资料不完整的,应当及时一次性通知投保人、被保险人或者受益人补充提供。
    for_each: cases
    applies: it.kind == "claim"
    check: it.document_requests.size() <= 1
    message:
      zh: 理赔案件 {it.id} 分 {it.document_requests.size()} 次通知补充资料,未一次性通知
      en: claim {it.id} asked for more documents {it.document_requests.size()} separate times instead of once
    examples:
      pass:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", document_requests: 1}
            - {id: B, kind: claim, received_at: "2026-02-10 09:00", document_requests: 0}
            - {id: C, kind: claim, received_at: "2026-02-10 09:00", document_requests: [{requested_at: "2026-02-12 10:00", supplied_at: "2026-02-20 16:00"}]}
      fail:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", document_requests: 2}
        - cases:
            - id: B
              kind: claim
              received_at: "2026-02-10 09:00"
              document_requests:
                - {requested_at: "2026-02-12 10:00", supplied_at: "2026-02-20 16:00"}
                - {requested_at: "2026-02-24 10:00"}

  - id: TML-LAW23-DECIDE-30D
    title: {zh: 三十日内作出核定, en: Claim decided within 30 days}
    description: >
      30 calendar days from the insurer's first receipt of the claim (received_at), with the
      periods in which the claimant was supplementing documents deducted (SPC2 第十五条): each
      from the day the request reached the claimant (requested_at) to the day the documents
      reached the insurer (supplied_at), both days counted, overlapping periods once. A request
      made after the time had already run out deducts nothing; one made in the days the
      deadline had moved on to reach a working day counts as if made on the 30th day (the
      deadline is then the day after the documents arrive). While a request is unanswered
      the clock stands still: an open claim is not due, and a decision made meanwhile is in
      time. `document_requests` given as a count without dates (or absent) leaves the
      deduction unknown: a decision within 30 days of receipt passes either way; later it is
      not assessed (the report must give the dates). The deadline on a non-working day moves
      to the next working day.
    section: timeliness
    severity: critical
    cite:
      source: IL, SPC2
      document: 中华人民共和国保险法(2015);最高人民法院关于适用《中华人民共和国保险法》若干问题的解释(二)(法释〔2013〕14号)
      clause: IL 第二十三条;SPC2 第十五条
      quote: ……情形复杂的,应当在三十日内作出核定,但合同另有约定的除外。……保险法第二十三条规定的三十日核定期间,应自保险人初次收到索赔请求及投保人、被保险人或者受益人提供的有关证明和资料之日起算。保险人主张扣除投保人、被保险人或者受益人补充提供有关证明和资料期间的,人民法院应予支持。扣除期间自保险人根据保险法第二十二条规定作出的通知到达投保人、被保险人或者受益人之日起,至投保人、被保险人或者受益人按照通知要求补充提供的有关证明和资料到达保险人之日止。
    for_each: cases
    applies: it.kind == "claim"
    let:
      supplementing: it.document_requests.periods(r, r.requested_at, r.supplied_at)
      result: 'on_time(it.decided_at, it.received_at, days: params.decide_days, excluding: supplementing)'
    check: result
    params:
      decide_days: {value: 30, fixed: true}     # 三十日内
    message:
      zh: 理赔案件 {it.id} 应于 {result.last_day} 前作出核定(自收到索赔请求之日起 {result.limit} 日,因补充资料顺延 {result.deducted} 日),晚 {result.late} 日
      en: claim {it.id} was due for a decision by {result.last_day} ({result.limit} days from receipt, extended by {result.deducted} day(s) for supplementing documents); {result.late} day(s) late
    examples:
      # Received Tue 2026-02-10: 30 days → 03-12 (Thu). One request 02-20..02-24 deducts 5 days
      # → 03-17 (Tue).
      pass:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", document_requests: 0, decided_at: "2026-03-12 18:00"}
            - id: B
              kind: claim
              received_at: "2026-02-10 09:00"
              document_requests: [{requested_at: "2026-02-20 10:00", supplied_at: "2026-02-24 16:00"}]
              decided_at: "2026-03-17 18:00"
            - {id: C, kind: claim, received_at: "2026-02-10 09:00", document_requests: 2, decided_at: "2026-03-01 10:00"}
      fail:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", document_requests: 0, decided_at: "2026-03-13 09:00"}
        - cases:
            - id: B
              kind: claim
              received_at: "2026-02-10 09:00"
              document_requests: [{requested_at: "2026-02-20 10:00", supplied_at: "2026-02-24 16:00"}]
              decided_at: "2026-03-18 09:00"
        - inspection: {inspected_at: "2026-03-20 10:00"}
          cases:
            - {id: C, kind: claim, received_at: "2026-02-10 09:00", document_requests: []}

  - id: TML-LAW23-PAY-10D
    title: {zh: 达成协议后十日内支付, en: Paid within 10 days of agreement}
    description: >
      Claims approved in full or in part; 10 calendar days from agreed_at, moved to the next
      working day when the last day is not one. An approved claim with no agreement yet
      (agreed_at absent) has no running deadline and is not applicable.
    section: timeliness
    severity: critical
    cite:
      source: IL
      document: 中华人民共和国保险法(2015)
      clause: 第二十三条
      quote: ……对属于保险责任的,在与被保险人或者受益人达成赔偿或者给付保险金的协议后十日内,履行赔偿或者给付保险金义务。
    for_each: cases
    applies: it.kind == "claim" and it.decision in ["approved", "partial"]
    let:
      result: 'on_time(it.paid_at, it.agreed_at, days: params.pay_days)'
    check: result
    params:
      pay_days: {value: 10, fixed: true}        # 十日内
    message:
      zh: 理赔案件 {it.id} 应于 {result.last_day} 前支付赔款,晚 {result.late} 日
      en: claim {it.id} was due for payment by {result.last_day}; {result.late} day(s) late
    examples:
      # Agreed Thu 2026-02-26: 10 days → 03-08, a Sunday → 03-09 (Mon).
      pass:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", decision: approved, agreed_at: "2026-02-26 15:00", paid_at: "2026-03-09 16:00"}
            - {id: B, kind: claim, received_at: "2026-02-10 09:00", decision: denied, decided_at: "2026-02-26 15:00"}
      fail:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", decision: partial, agreed_at: "2026-02-26 15:00", paid_at: "2026-03-10 09:00"}
        - inspection: {inspected_at: "2026-03-12 10:00"}
          cases:
            - {id: B, kind: claim, received_at: "2026-02-10 09:00", decision: approved, agreed_at: "2026-02-26 15:00"}

  - id: TML-LAW24-DENIAL-3D
    title: {zh: 核定拒赔后三日内发出通知, en: Denial notice within 3 days of the decision}
    description: >
      Denied claims; 3 calendar days from the decision (decided_at is the start), moved to
      the next working day when the last day is not one.
    section: timeliness
    severity: critical
    cite:
      source: IL
      document: 中华人民共和国保险法(2015)
      clause: 第二十四条
      quote: ……对不属于保险责任的,应当自作出核定之日起三日内向被保险人或者受益人发出拒绝赔偿或者拒绝给付保险金通知书,并说明理由。
    for_each: cases
    applies: it.kind == "claim" and it.decision == "denied"
    let:
      result: 'on_time(it.denial_notice_at, it.decided_at, days: params.notice_days)'
    check: result
    params:
      notice_days: {value: 3, fixed: true}      # 三日内
    message:
      zh: 理赔案件 {it.id} 应于 {result.last_day} 前发出拒赔通知书,晚 {result.late} 日
      en: claim {it.id} was due for a denial notice by {result.last_day}; {result.late} day(s) late
    examples:
      # Decided Wed 2026-04-29: 3 days → 05-02, inside the 劳动节 holiday → 05-06 (Wed).
      pass:
        - cases:
            - {id: A, kind: claim, received_at: "2026-04-10 09:00", decision: denied, decided_at: "2026-04-29 10:00", denial_notice_at: "2026-05-06 17:00"}
            - {id: B, kind: claim, received_at: "2026-04-10 09:00", decision: approved, decided_at: "2026-04-29 10:00"}
      fail:
        - cases:
            - {id: A, kind: claim, received_at: "2026-04-10 09:00", decision: denied, decided_at: "2026-04-29 10:00", denial_notice_at: "2026-05-07 09:00"}
        - inspection: {inspected_at: "2026-05-08 10:00"}
          cases:
            - {id: B, kind: claim, received_at: "2026-04-10 09:00", decision: denied, decided_at: "2026-04-29 10:00"}

  - id: TML-LAW25-ADVANCE-60D
    title: {zh: 六十日内核定或先予支付, en: Decided or advance paid within 60 days}
    description: >
      Passes when, within 60 calendar days of complete documents, the claim was decided or
      the determinable amount was paid in advance, whichever came first. Whether an
      advance payment covered the full determinable amount is not in the report and is not
      checked.
    section: timeliness
    severity: major
    cite:
      source: IL
      document: 中华人民共和国保险法(2015)
      clause: 第二十五条
      quote: 保险人自收到赔偿或者给付保险金的请求和有关证明、资料之日起六十日内,对其赔偿或者给付保险金的数额不能确定的,应当根据已有证明和资料可以确定的数额先予支付……
    for_each: cases
    applies: it.kind == "claim"
    let:
      result: 'on_time(earliest(it.decided_at, it.advance_paid_at), it.documents_complete_at, days: params.advance_days)'
    check: result
    params:
      advance_days: {value: 60, fixed: true}    # 六十日内
    message:
      zh: 理赔案件 {it.id} 应于 {result.last_day} 前作出核定或先予支付,晚 {result.late} 日
      en: claim {it.id} was due for a decision or an advance payment by {result.last_day}; {result.late} day(s) late
    examples:
      # Documents complete 2026-02-13: 60 days → 04-14 (Tue, a working day).
      pass:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", advance_paid_at: "2026-04-14 10:00", decided_at: "2026-05-20 10:00"}
            - {id: B, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", decided_at: "2026-04-14 23:59"}
      fail:
        - cases:
            - {id: A, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", decided_at: "2026-04-15 10:00"}
        - inspection: {inspected_at: "2026-04-20 10:00"}
          cases:
            - {id: B, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00"}
"""#),
    ]
}
