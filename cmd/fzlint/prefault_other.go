//go:build !linux

package main

// prefaultHeap is for Linux (prefault_linux.go).
func prefaultHeap() {}
