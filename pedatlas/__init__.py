"""PedAtlas 儿科资源均衡图谱: regional pediatric resource balance in China."""
