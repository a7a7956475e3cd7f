output "vpc_id" {
  description = "VPC of site B."
  value       = aws_vpc.this.id
}

output "private_subnet_ids" {
  description = "One private subnet per zone, in the order of availability_zones."
  value       = aws_subnet.private[*].id
}

output "control_plane_sg_id" {
  description = "Security group of the control-plane nodes."
  value       = aws_security_group.control_plane.id
}

output "worker_sg_id" {
  description = "Security group of the worker nodes."
  value       = aws_security_group.worker.id
}
