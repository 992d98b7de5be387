// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Payroll {
    address payable[] public employees;
    address public owner = msg.sender;

    function hire(address payable e) external {
        require(msg.sender == owner);
        employees.push(e);
    }

    function payAll() external {
        for (uint256 i = 0; i < employees.length; i++) {
            employees[i].transfer(1 ether); // @vulnerable: denial_of_service
        }
    }

    receive() external payable {}
}
