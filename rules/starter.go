package rules

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// StarterConfig is the commented .fzlint.yaml that `fzlint init` writes for a
// new repository. The packs and settings it lists are read from the embedded
// packs, so it names only what exists; everything but exclude is commented
// out, so that the defaults (every embedded pack) apply until the user
// changes them.
func StarterConfig() ([]byte, error) {
	var b strings.Builder
	b.WriteString(`# fzlint 配置文件（由 fzlint init 生成）。
# fzlint 从被检查的文件所在目录向上查找 .fzlint.yaml，找到的第一个生效。
# 写错的键、规则包、规则、参数或级别都会以“文件:行:列”报错（退出码 2），不会被悄悄忽略。

# 启用的规则包。不写 packs 时启用全部内置规则包（以后新增的内置规则包也会启用）：
`)
	type head struct {
		Pack     string            `yaml:"pack"`
		Title    string            `yaml:"title"`
		Settings map[string]string `yaml:"settings"`
	}
	var heads []head
	for _, id := range EmbeddedIDs() {
		data, err := embedded.ReadFile("packs/" + id + ".yaml")
		if err != nil {
			return nil, err
		}
		var h head
		if err := yaml.Unmarshal(data, &h); err != nil {
			return nil, fmt.Errorf("rules/packs/%s.yaml: %w", id, err)
		}
		heads = append(heads, h)
		fmt.Fprintf(&b, "#   %-12s %s\n", h.Pack, h.Title)
	}
	fmt.Fprintf(&b, "# packs: [%s]\n", strings.Join(EmbeddedIDs(), ", "))
	b.WriteString(`
# 自定义规则包所在目录（相对本文件）。目录中的“规则包id.yaml”写进 packs 才会运行；
# 用 fzlint test 目录/规则包id.yaml 运行其中每条规则的示例。
# pack-dirs: [规则包]

# 调整规则级别（error、warning、info）或关闭规则（off）；fzlint rules 列出全部规则：
# rules:
#   typography/halfwidth-punct: off
#   fzzf/section-other: warning

# 规则包参数（规则包.参数），以下为默认值：
# settings:
`)
	for _, h := range heads {
		for _, k := range sortedMapKeys(h.Settings) {
			fmt.Fprintf(&b, "#   %s.%s: %q\n", h.Pack, k, h.Settings[k])
		}
	}
	b.WriteString(`
# 不检查的路径（相对本文件；* 匹配一层目录中的任意文字，** 匹配任意层目录），如 ["归档/**", "**/草稿*"]：
exclude: []
`)
	return []byte(b.String()), nil
}
