package rules

import (
	"path/filepath"
	"slices"
	"strings"
)

// LoadPackFiles loads the pack files a pack author names (for `fzlint
// test`), with the packs they extend: from the files' own directories
// first, then the embedded packs. A pack file is named after its id
// (local.yaml holds pack: local). It returns the set and the ids of the
// named packs, in the order named.
func LoadPackFiles(files []string, kinds map[string]Compiler) (*Set, []string, error) {
	cfg := &Config{Path: "fzlint test"}
	var problems Problems
	seenDir := map[string]bool{}
	for _, file := range files {
		if _, err := readRegular(file, MaxPackSize); err != nil {
			problems = append(problems, &PosError{Pos: Pos{File: file}, Msg: "无法读取规则包：" + describeReadError(err)})
			continue
		}
		ext := filepath.Ext(file)
		if ext != ".yaml" && ext != ".yml" {
			problems = append(problems, &PosError{Pos: Pos{File: file}, Msg: "规则包文件的扩展名应为 .yaml 或 .yml"})
			continue
		}
		abs, err := filepath.Abs(filepath.Dir(file))
		if err != nil {
			problems = append(problems, &PosError{Pos: Pos{File: file}, Msg: err.Error()})
			continue
		}
		id := strings.TrimSuffix(filepath.Base(file), ext)
		if slices.Contains(cfg.Packs, id) {
			continue // named twice
		}
		cfg.Packs = append(cfg.Packs, id)
		cfg.at.packs = append(cfg.at.packs, Pos{File: file})
		if !seenDir[abs] {
			seenDir[abs] = true
			cfg.PackDirs = append(cfg.PackDirs, abs)
			cfg.at.packDirs = append(cfg.at.packDirs, Pos{File: file})
		}
	}
	if len(problems) > 0 {
		return nil, nil, problems
	}
	set, err := Load(Options{Kinds: kinds, Config: cfg})
	if err != nil {
		return nil, nil, err
	}
	return set, cfg.Packs, nil
}
