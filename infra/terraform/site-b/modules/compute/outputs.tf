output "control_plane_nodes" {
  description = "Control-plane nodes: name, private address, zone."
  value = [for i, node in aws_instance.control_plane : {
    name       = node.tags["Name"]
    private_ip = node.private_ip
    zone       = node.availability_zone
  }]
}

output "worker_nodes" {
  description = "Worker nodes: name, private address, zone."
  value = [for i, node in aws_instance.worker : {
    name       = node.tags["Name"]
    private_ip = node.private_ip
    zone       = node.availability_zone
  }]
}

output "api_endpoint" {
  description = "DNS name of the API load balancer."
  value       = aws_lb.api.dns_name
}
